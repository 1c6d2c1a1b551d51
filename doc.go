// Package ladder makes career ladders software.
package ladder
