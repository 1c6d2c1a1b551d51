package sheet

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ladderkit/ladder"
)

// Imported is what a sheet holds: a ladder, and the assessment filled in
// it, nil when no checkbox is ticked and no reason written.
type Imported struct {
	Ladder     *ladder.Ladder     `json:"ladder"`
	Assessment *ladder.Assessment `json:"assessment,omitempty"`
}

// Options are what a sheet does not say.
type Options struct {
	// File names the sheet in problems.
	File string
	// Subject names the person assessed, for a sheet filled in; it must
	// not be empty then.
	Subject string
}

// ImportCSV reads a sheet exported as CSV (by Google Sheets, Excel or
// ExportCSV) in the layout of the package documentation: fields separated
// by commas, or by semicolons as some spreadsheets write them, with or
// without a byte-order mark. A blank line is an empty row, so that cells
// are named as the spreadsheet names them. See Import.
func ImportCSV(r io.Reader, opt Options) (*Imported, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	rows, err := readCSV(data, ',', opt.File)
	if err == nil && !hasHeader(rows) {
		if semi, err := readCSV(data, ';', opt.File); err == nil && hasHeader(semi) {
			rows = semi
		}
	}
	if err != nil {
		return nil, err
	}
	return Import(rows, opt)
}

// readCSV reads the rows of a CSV file, with an empty row for each blank
// line, which encoding/csv skips.
func readCSV(data []byte, comma rune, file string) ([][]string, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // rows of different lengths are fine
	var rows [][]string
	next := 1 // the line the next record would start on, without blank lines
	for {
		record, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &ladder.Error{Problems: []ladder.Problem{{File: file, Line: pe.Line, Column: pe.Column, Message: pe.Err.Error()}}}
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		for ; next < line; next++ {
			rows = append(rows, nil)
		}
		last, _ := cr.FieldPos(len(record) - 1)
		next = last + strings.Count(record[len(record)-1], "\n") + 1
		rows = append(rows, record)
	}
}

// hasHeader reports whether rows have the header row of the layout.
func hasHeader(rows [][]string) bool { return headerRow(rows) >= 0 }

// headerRow returns the index of the header row of the layout, the first
// row naming the Level and Hard requirements columns, or -1.
func headerRow(rows [][]string) int {
	for r, row := range rows {
		names := map[string]bool{}
		for _, c := range row {
			names[normalize(c)] = true
		}
		if names[colLevel] && names[colHard] {
			return r
		}
	}
	return -1
}

// Import reads a sheet given as its rows of cells, in the layout of the
// package documentation. It returns a *ladder.Error naming the cells at
// fault when the sheet does not fit the layout, or when the ladder or the
// assessment it holds does not validate.
func Import(rows [][]string, opt Options) (*Imported, error) {
	im := &importer{rows: rows, file: opt.File}
	im.read()
	if len(im.problems) > 0 {
		return nil, &ladder.Error{Problems: im.problems}
	}
	if _, err := ladder.New(im.ladder); err != nil {
		return nil, err
	}
	out := &Imported{Ladder: im.ladder}
	if im.filled {
		if opt.Subject == "" {
			return nil, &ladder.Error{Problems: []ladder.Problem{{File: opt.File, Message: "the sheet is filled in: give the name of the person assessed"}}}
		}
		im.assessment.Subject = opt.Subject
		out.Assessment = im.assessment
	}
	return out, nil
}

// The names of the columns, as the header row writes them.
const (
	colLevel       = "level"
	colReach       = "expertise reach"
	colDescription = "description"
	colHard        = "hard requirements"
	colSoft        = "soft requirements"
	colReached     = "reached"
	colNotYet      = "not yet"
	colReasons     = "reasons"
	colLevelID     = "level id"
	colLevelName   = "level name"
	colSkillID     = "skill id"
	colHardID      = "hard requirement id"
	colSoftID      = "soft requirement id"
)

// item is a column of items an assessor marks: the description, the hard
// requirements, the soft requirements. Its checkbox and reasons columns
// are -1 when the sheet has none.
type item struct {
	col, reached, notYet, reasons int
}

type importer struct {
	rows     [][]string
	file     string
	problems []ladder.Problem

	header                           int // the index of the header row
	level, reach, levelID, levelName int
	skillID, hardID, softID          int
	description, hard, soft          item

	ladder     *ladder.Ladder
	assessment *ladder.Assessment
	filled     bool
	ids        map[string]bool // requirement IDs given or made
}

// cellName names a cell as spreadsheets do: "H44" for row 44 (from 1) and
// column H.
func cellName(row, col int) string {
	name := ""
	for c := col + 1; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return name + strconv.Itoa(row+1)
}

func (im *importer) fail(row, col int, format string, args ...any) {
	im.problems = append(im.problems, ladder.Problem{File: im.file, Message: cellName(row, col) + ": " + fmt.Sprintf(format, args...)})
}

// cell returns the cell at row and col, "" when it is missing or col is -1.
func (im *importer) cell(row, col int) string {
	if col < 0 || row >= len(im.rows) || col >= len(im.rows[row]) {
		return ""
	}
	return im.rows[row][col]
}

func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (im *importer) read() {
	im.header = headerRow(im.rows)
	if im.header < 0 {
		im.fail(0, 0, "no header row: the sheet needs a row naming its columns, with at least %q and %q", "Level", "Hard requirements")
		return
	}
	im.columns()
	if len(im.problems) > 0 {
		return
	}
	im.ladder = &ladder.Ladder{Skills: []ladder.Skill{}}
	im.assessment = &ladder.Assessment{Marks: map[string]ladder.Mark{}}
	im.title()
	im.body()
	im.assessment.Ladder = im.ladder.ID
}

// columns finds the columns by their header names.
func (im *importer) columns() {
	header := im.rows[im.header]
	find := func(name string) int {
		at := -1
		for c, h := range header {
			if normalize(h) == name {
				if at >= 0 {
					im.fail(im.header, c, "a second %q column (the first is %s)", strings.TrimSpace(h), cellName(im.header, at))
					continue
				}
				at = c
			}
		}
		return at
	}
	im.level, im.reach = find(colLevel), find(colReach)
	im.levelID, im.levelName, im.skillID = find(colLevelID), find(colLevelName), find(colSkillID)
	im.hardID, im.softID = find(colHardID), find(colSoftID)
	items := map[string]*item{colDescription: &im.description, colHard: &im.hard, colSoft: &im.soft}
	// In the order of the layout, so that problems come in one order.
	for _, name := range []string{colDescription, colHard, colSoft} {
		*items[name] = item{col: find(name), reached: -1, notYet: -1, reasons: -1}
	}
	// A Reached and Not yet pair belongs to the column right after it; a
	// Reasons column, to the nearest item column on its left.
	for c, h := range header {
		switch normalize(h) {
		case colReached:
			if normalize(im.cell(im.header, c+1)) != colNotYet {
				im.fail(im.header, c, "a %q column must be followed by a %q column", "Reached", "Not yet")
				continue
			}
			owner := normalize(im.cell(im.header, c+2))
			it, ok := items[owner]
			if !ok {
				im.fail(im.header, c, "a %q and %q pair must come right before %q, %q or %q", "Reached", "Not yet", "Description", "Hard requirements", "Soft requirements")
				continue
			}
			it.reached, it.notYet = c, c+1
		case colNotYet:
			if normalize(im.cell(im.header, c-1)) != colReached {
				im.fail(im.header, c, "a %q column must follow a %q column", "Not yet", "Reached")
			}
		case colReasons:
			// The nearest of the requirement columns on its left.
			var it *item
			for _, candidate := range []*item{&im.hard, &im.soft} {
				if candidate.col >= 0 && candidate.col < c && (it == nil || candidate.col > it.col) {
					it = candidate
				}
			}
			if it == nil || it.reasons >= 0 {
				im.fail(im.header, c, "a %q column must come after %q or %q, one for each", "Reasons", "Hard requirements", "Soft requirements")
				continue
			}
			it.reasons = c
		}
	}
}

var metaCell = regexp.MustCompile(`(?i)^\s*(id|version)\s*:\s*(.*?)\s*$`)

// title reads the rows above the header: the name on the first row with
// text (with the ID and version), the summary on the row below it, and
// the description on the row below that.
func (im *importer) title() {
	first := -1
	for r := range im.header {
		for c, cell := range im.rows[r] {
			if strings.TrimSpace(cell) == "" {
				continue
			}
			switch {
			case first < 0:
				first = r
				im.ladder.Name = strings.TrimSpace(cell)
			case r == first && metaCell.MatchString(cell):
				m := metaCell.FindStringSubmatch(cell)
				if strings.EqualFold(m[1], "id") {
					im.ladder.ID = m[2]
				} else {
					im.ladder.Version = m[2]
				}
			case r == first:
				im.fail(r, c, "the title row holds the ladder's name, and may hold %q and %q cells; this one is neither", "id: ...", "version: ...")
			case r == first+1 && c == 0:
				im.ladder.Summary = cell
			case r == first+2 && c == 0:
				im.ladder.Description = cell
			default:
				im.fail(r, c, "above the header, a sheet holds the ladder's name, then its summary and its description on the rows below, in their first cells: this text is none of them")
			}
		}
	}
	if first < 0 {
		im.fail(0, 0, "no title: the first row names the ladder")
		return
	}
	if im.ladder.ID == "" {
		im.ladder.ID = slug(im.ladder.Name, 0)
	}
}

// body reads the levels, their requirements and the marks.
func (im *importer) body() {
	im.ids = map[string]bool{}
	for r := im.header + 1; r < len(im.rows); r++ {
		if id := im.cell(r, im.hardID); id != "" {
			im.ids[id] = true
		}
		if id := im.cell(r, im.softID); id != "" {
			im.ids[id] = true
		}
	}
	var lv *ladder.Level
	skill := ""                   // the current sub-skill's ID
	skills := map[string]string{} // skill IDs by name, or by ID where the sheet has a Skill ID column
	for r := im.header + 1; r < len(im.rows); r++ {
		if n := strings.TrimSpace(im.cell(r, im.level)); n != "" {
			rank, err := strconv.Atoi(n)
			if err != nil || rank != len(im.ladder.Levels)+1 {
				im.fail(r, im.level, "%q is not the number of the next level, %d: a level starts on a row whose Level cell holds its number", n, len(im.ladder.Levels)+1)
			}
			name := fmt.Sprintf("Level %d", len(im.ladder.Levels)+1)
			if im.levelName >= 0 {
				name = im.cell(r, im.levelName) // as written, even empty
			}
			im.ladder.Levels = append(im.ladder.Levels, ladder.Level{
				ID:          cmp.Or(strings.TrimSpace(im.cell(r, im.levelID)), strconv.Itoa(len(im.ladder.Levels)+1)),
				Name:        name,
				Reach:       strings.TrimSpace(im.cell(r, im.reach)),
				Description: im.cell(r, im.description.col),
			})
			lv = &im.ladder.Levels[len(im.ladder.Levels)-1]
			skill = ""
			if m, ok := im.mark(r, im.description); ok {
				if im.assessment.Levels == nil {
					im.assessment.Levels = map[string]ladder.LevelMarks{}
				}
				im.assessment.Levels[lv.ID] = ladder.LevelMarks{Description: &m}
			}
		} else {
			// Only a level's row has a reach, and a mark on its
			// description; a heading's row may describe its skill.
			if strings.TrimSpace(im.cell(r, im.reach)) != "" {
				im.fail(r, im.reach, "an expertise reach on a row that starts no level: put it on the level's row, with its number")
			}
			if _, ticked := im.mark(r, im.description); ticked {
				im.fail(r, im.description.reached, "a mark on a description, on a row that starts no level: put it on the level's row")
			}
			if strings.TrimSpace(im.cell(r, im.description.col)) != "" && isRequirement(im.cell(r, im.hard.col)) {
				im.fail(r, im.description.col, "a description on a row that starts no level: a level's goes on its row, a sub-skill's on its heading's")
			}
		}
		for _, kind := range []ladder.Kind{ladder.Hard, ladder.Soft} {
			it, idCol := im.hard, im.hardID
			if kind == ladder.Soft {
				it, idCol = im.soft, im.softID
			}
			text := im.cell(r, it.col)
			if strings.TrimSpace(text) == "" {
				if m, ok := im.mark(r, it); ok || m.Reason != "" {
					im.fail(r, it.col, "a mark or a reason next to an empty cell: it marks nothing")
				}
				continue
			}
			if lv == nil {
				im.fail(r, it.col, "a requirement before the first level: a level starts on a row whose Level cell holds its number")
				continue
			}
			if !isRequirement(text) {
				if kind == ladder.Soft {
					im.fail(r, it.col, "%q is not a requirement (they start with \"- \"), and the heading of a sub-skill goes in the Hard requirements column", strings.TrimSpace(text))
					continue
				}
				// A sub-skill's heading.
				name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), ":"))
				key := name
				givenID := strings.TrimSpace(im.cell(r, im.skillID))
				if givenID != "" {
					key = "\x00" + givenID // two skills may share a name
				}
				id, ok := skills[key]
				if !ok {
					id = cmp.Or(givenID, im.skillSlug(name))
					skills[key] = id
					sk := ladder.Skill{ID: id, Name: name}
					if strings.TrimSpace(im.cell(r, im.level)) == "" {
						// On a row of its own, a heading's description
						// is the skill's.
						sk.Description = im.cell(r, im.description.col)
					}
					im.ladder.Skills = append(im.ladder.Skills, sk)
				}
				skill = id
				if m, ok := im.mark(r, it); ok || m.Reason != "" {
					im.fail(r, it.col, "a mark or a reason next to the heading of a sub-skill: only requirements are marked")
				}
				continue
			}
			req := ladder.Requirement{Skill: skill, Kind: kind, Text: bullet.ReplaceAllString(text, "")}
			req.ID = strings.TrimSpace(im.cell(r, idCol))
			if req.ID == "" {
				req.ID = im.makeID(lv.ID, cmp.Or(skill, "general"), req.Text)
			}
			lv.Requirements = append(lv.Requirements, req)
			if m, ok := im.mark(r, it); ok {
				im.assessment.Marks[req.ID] = m
			}
		}
	}
	if len(im.ladder.Levels) == 0 && len(im.problems) == 0 {
		im.fail(im.header, im.level, "no level: a level starts on a row whose Level cell holds its number")
	}
}

// bullet is what starts a requirement's cell: a dash (or an en or em dash,
// a bullet, a star) and the spaces after it.
var bullet = regexp.MustCompile(`^\s*[-–—•*]\s*`)

// isRequirement reports whether a cell holds a requirement: it starts with
// a bullet. Another text is the heading of a sub-skill.
func isRequirement(cell string) bool { return bullet.MatchString(cell) }

// skillSlug makes the ID of a skill from its name, unique: "skill" and
// its place where the name has no letter or digit of ASCII.
func (im *importer) skillSlug(name string) string {
	id := slug(name, 0)
	if id == "x" {
		id = fmt.Sprintf("skill-%d", len(im.ladder.Skills)+1)
	}
	base := id
	for n := 2; slices.ContainsFunc(im.ladder.Skills, func(s ladder.Skill) bool { return s.ID == id }); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// mark reads the checkbox and the reason of an item on a row. It reports
// whether a box is ticked (or says N/A); the mark's reason is set even when
// none is.
func (im *importer) mark(r int, it item) (ladder.Mark, bool) {
	reason := strings.TrimSpace(im.cell(r, it.reasons))
	reached, okR := im.checkbox(r, it.reached)
	notYet, okN := im.checkbox(r, it.notYet)
	if !okR || !okN {
		return ladder.Mark{}, false
	}
	m := ladder.Mark{Reason: reason}
	switch {
	case reached == boxNA || notYet == boxNA:
		if reached == boxTicked || notYet == boxTicked {
			im.fail(r, it.reached, "Reached (%s) or Not yet (%s) ticked, and the other N/A: write N/A alone, or tick one", cellName(r, it.reached), cellName(r, it.notYet))
			return m, false
		}
		m.Status = ladder.NotApplicable
	case reached == boxTicked && notYet == boxTicked:
		im.fail(r, it.reached, "both Reached (%s) and Not yet (%s) are ticked: tick one", cellName(r, it.reached), cellName(r, it.notYet))
		return m, false
	case reached == boxTicked:
		m.Status = ladder.Reached
	case notYet == boxTicked:
		m.Status = ladder.NotYet
	default:
		if reason != "" {
			im.fail(r, it.reasons, "a reason without a mark: tick Reached or Not yet")
		}
		return m, false
	}
	im.filled = true
	return m, true
}

// The values of a checkbox cell.
const (
	boxEmpty = iota
	boxTicked
	boxNA // not applicable
)

// checkbox reads a checkbox cell: TRUE, x or yes is ticked; FALSE, no or
// empty is not; N/A says the requirement does not apply. It reports false
// for another value, a problem.
func (im *importer) checkbox(r, c int) (box int, ok bool) {
	switch strings.ToLower(strings.TrimSpace(im.cell(r, c))) {
	case "true", "x", "yes", "✓", "✔":
		return boxTicked, true
	case "false", "no", "":
		return boxEmpty, true
	case "n/a", "na":
		return boxNA, true
	}
	im.fail(r, c, "%q is not a checkbox: write TRUE or FALSE (x, yes, or nothing, are read too), or N/A where the requirement does not apply", im.cell(r, c))
	return boxEmpty, false
}

// makeID makes the ID of a requirement: the level, the sub-skill, and the
// first words of the text, unique in the sheet.
func (im *importer) makeID(level, skill, text string) string {
	prefix := "l" + slug(level, 0) + "-" + skill
	if _, err := strconv.Atoi(level); err != nil {
		prefix = slug(level, 0) + "-" + skill
	}
	base := prefix + "-" + slug(text, 4)
	id := base
	for n := 2; im.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	im.ids[id] = true
	return id
}

// small are the words an ID made from a text leaves out.
var small = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "to": true, "in": true, "on": true, "for": true, "with": true, "is": true, "are": true, "or": true, "be": true}

// slug makes an ID from a text: its first words (all when words is 0,
// leaving out small ones then), lower case, letters and digits joined by
// "-".
func slug(text string, words int) string {
	var parts []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if words > 0 && small[f] {
			continue
		}
		var b strings.Builder
		for _, r := range f {
			if r < utf8.RuneSelf {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
		if words > 0 && len(parts) == words {
			break
		}
	}
	if len(parts) == 0 {
		return "x"
	}
	return strings.Join(parts, "-")
}
