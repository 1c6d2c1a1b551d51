package engine

import (
	"slices"
	"testing"
)

func TestTrackRanks(t *testing.T) {
	got := TrackRanks([]string{"", "", "ic", "ic", "mgr", "ic"})
	if want := []int{1, 2, 3, 4, 3, 5}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
