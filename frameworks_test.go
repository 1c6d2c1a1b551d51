package ladder_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/rules"
)

// The decision logic of two public frameworks, transcribed from their data
// (structure and numbers only, no text): our evaluation of the
// transcription must give each framework's own answer for many random
// people. docs/modelling.md explains the mappings.

// Medium's snowflake: 16 tracks of 5 milestones; a milestone is worth
// points, a person's points add up over the tracks, and the title is the
// one whose band holds the points. Transcribed from constants.ts of
// github.com/zeh/snowflake at 046b45ffdc61ac84683424eba6f86d7e13ba9326, a
// TypeScript copy of Medium/snowflake's constants.js (milestoneToPoints,
// titles, trackIds); several stored forks give the same numbers.
var (
	snowflakeTracks = []string{
		"MOBILE", "WEB_CLIENT", "FOUNDATIONS", "SERVERS",
		"PROJECT_MANAGEMENT", "COMMUNICATION", "CRAFT", "INITIATIVE",
		"CAREER_DEVELOPMENT", "ORG_DESIGN", "WELLBEING", "ACCOMPLISHMENT",
		"MENTORSHIP", "EVANGELISM", "RECRUITING", "COMMUNITY",
	}
	// snowflakePoints[m] is what milestone m of a track is worth.
	snowflakePoints = []int{0, 1, 3, 6, 12, 20}
	// snowflakeTitles are the titles with their bands of points (max -1:
	// no maximum). From 36 points up, two titles share each band.
	snowflakeTitles = []struct {
		label    string
		min, max int
	}{
		{"Engineer I", 0, 16},
		{"Engineer II", 17, 35},
		{"Senior Engineer", 36, 57},
		{"Group Lead", 36, 57},
		{"Staff Engineer", 58, 89},
		{"Senior Group Lead", 58, 89},
		{"Principal Engineer", 90, -1},
		{"Director of Engineering", 90, -1},
	}
)

// snowflakeLadder is snowflake as a ladder: a skill of five steps per track,
// each step worth its milestone's points and holding one requirement (80 in
// all, written once); steps are implied, as a milestone includes those below
// it. The titles are levels without requirements, decided by one rule for
// the whole ladder that reads each level's threshold. The two shared titles
// come first; then the engineer and the manager track.
func snowflakeLadder(t testing.TB) *ladder.Ladder {
	l := &ladder.Ladder{
		ID: "snowflake", Name: "Snowflake",
		ImpliedSteps: true,
		Rules:        &rules.Rules{Level: "points >= level.threshold"},
		Tracks:       []ladder.Track{{ID: "engineer", Name: "Engineer"}, {ID: "manager", Name: "Manager"}},
		Values: []ladder.NamedValue{
			{ID: "points", Name: "Total points", Rule: "points"},
			{ID: "to-next", Name: "Points to the next title", Rule: "next.rank > 0 ? max(0, next.threshold - points) : 0"},
		},
	}
	for _, track := range snowflakeTracks {
		s := ladder.Skill{ID: slug(track), Name: track}
		for m := 1; m <= 5; m++ {
			id := fmt.Sprintf("%s-%d", slug(track), m)
			s.Steps = append(s.Steps, ladder.Step{ID: id, Points: snowflakePoints[m], Requirements: []ladder.Requirement{
				{ID: id + "-milestone", Kind: ladder.Hard, Text: fmt.Sprintf("%s milestone %d", track, m)},
			}})
		}
		l.Skills = append(l.Skills, s)
	}
	for i, title := range snowflakeTitles {
		lv := ladder.Level{ID: slug(title.label), Name: title.label, Threshold: title.min}
		switch {
		case i < 2:
		case i%2 == 0:
			lv.Track = "engineer"
		default:
			lv.Track = "manager"
		}
		l.Levels = append(l.Levels, lv)
	}
	// New keeps the levels in the order given: the shared ones, then
	// each track's. Sort the tracks' levels by track, stably.
	slices.SortStableFunc(l.Levels, func(a, b ladder.Level) int { return trackOrder(a.Track) - trackOrder(b.Track) })
	built, err := ladder.New(l)
	if err != nil {
		t.Fatal(err)
	}
	return built
}

func trackOrder(track string) int {
	switch track {
	case "":
		return 0
	case "engineer":
		return 1
	}
	return 2
}

func slug(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c - 'A' + 'a'
		case c == '_' || c == ' ':
			b[i] = '-'
		}
	}
	return string(b)
}

// snowflakeTitle is snowflake's own answer: the titles whose band holds
// the points, the engineer's first.
func snowflakeTitle(points int) []string {
	var out []string
	for _, title := range snowflakeTitles {
		if points >= title.min && (title.max < 0 || points <= title.max) {
			out = append(out, title.label)
		}
	}
	return out
}

func TestSnowflake(t *testing.T) {
	l := snowflakeLadder(t)
	n := 0
	for _, s := range l.Skills {
		for _, st := range s.Steps {
			n += len(st.Requirements)
		}
	}
	if n != 80 {
		t.Errorf("the transcription holds %d requirements, want 80", n)
	}
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	const people = 5000
	for range people {
		// A person: a milestone per track, marked as the assessor does
		// (the milestone only), or with every milestone up to it.
		milestones := make([]int, len(snowflakeTracks))
		points := 0
		a := &ladder.Assessment{Ladder: "snowflake", Subject: "someone", Marks: map[string]ladder.Mark{}}
		full := r.IntN(2) == 0
		for i, track := range snowflakeTracks {
			m := r.IntN(6)
			milestones[i] = m
			points += snowflakePoints[m]
			for k := 1; k <= m; k++ {
				if k == m || full {
					a.Marks[fmt.Sprintf("%s-%d-milestone", slug(track), k)] = ladder.Mark{Status: ladder.Reached}
				}
			}
		}
		want := snowflakeTitle(points)
		for _, track := range []string{"engineer", "manager"} {
			a.Track = track
			res, err := l.Evaluate(a)
			if err != nil {
				t.Fatal(err)
			}
			got := res.Reached().Name
			// Below 36 points, one title for both tracks; from 36 up,
			// the engineer's, then the manager's.
			wantTitle := want[0]
			if len(want) == 2 && track == "manager" {
				wantTitle = want[1]
			}
			if got != wantTitle || res.Points != points || res.Values[0].Value != float64(points) {
				t.Fatalf("seed %d: milestones %v (%d points) on track %s: got %q with %d points, snowflake says %q", seed, milestones, points, track, got, res.Points, wantTitle)
			}
			for i, s := range res.Skills {
				if s.Level != milestones[i] {
					t.Fatalf("seed %d: milestones %v: skill %s at level %d", seed, milestones, s.ID, s.Level)
				}
			}
			if next := res.Next(); next != nil && res.Values[1].Value != float64(next.Threshold-points) {
				t.Fatalf("seed %d: %d points, next title at %d: points to the next title = %v", seed, points, next.Threshold, res.Values[1].Value)
			}
		}
	}
}

// engineeringladders (github.com/jorgef/engineeringladders): five axes of
// five steps, each including those below it, and roles whose levels ask
// for a step on each axis. Transcribed from the role pages
// (Developer.md, TechLead.md, TechnicalProgramManager.md,
// EngineeringManager.md at 7f2a4737, d32b12b4 and 834debab): each role
// names one step per axis, numbered here from 1.
var (
	ladderAxes  = []string{"technology", "system", "people", "process", "influence"}
	ladderRoles = []struct {
		track  string
		labels []string
		// profiles of the role's levels: a step per axis, in the order
		// of ladderAxes.
		profiles [][5]int
	}{
		{"developer", []string{"D1", "D2", "D3", "D4", "D5", "D6", "D7"}, [][5]int{
			{1, 1, 1, 1, 1}, {1, 2, 2, 2, 1}, {2, 2, 2, 3, 2}, {3, 3, 3, 3, 2}, {4, 4, 3, 4, 3}, {5, 5, 3, 4, 4}, {5, 5, 3, 4, 5}}},
		{"tech-lead", []string{"TL4", "TL5", "TL6", "TL7"}, [][5]int{
			{2, 3, 4, 4, 1}, {3, 4, 4, 5, 2}, {4, 5, 4, 5, 3}, {4, 5, 4, 5, 4}}},
		{"program-manager", []string{"TPM4", "TPM5", "TPM6", "TPM7"}, [][5]int{
			{2, 2, 4, 4, 3}, {2, 2, 4, 5, 3}, {2, 3, 5, 5, 4}, {2, 4, 5, 5, 5}}},
		{"manager", []string{"EM5", "EM6", "EM7"}, [][5]int{
			{3, 3, 5, 4, 2}, {3, 4, 5, 5, 2}, {3, 4, 5, 5, 3}}},
	}
)

// engineeringLadder is engineeringladders as a ladder: one skill per axis,
// of five implied steps with a requirement each; one track per role, with
// no shared levels (a tech lead's first level asks for less influence than
// a third-level developer's), each level a profile and labelled as the
// framework labels it, its rank counted within its track.
func engineeringLadder(t testing.TB) *ladder.Ladder {
	l := &ladder.Ladder{ID: "engineeringladders", Name: "Engineering ladders", ImpliedSteps: true}
	for _, axis := range ladderAxes {
		s := ladder.Skill{ID: axis, Name: axis}
		for k := 1; k <= 5; k++ {
			id := fmt.Sprintf("%s-%d", axis, k)
			s.Steps = append(s.Steps, ladder.Step{ID: id, Requirements: []ladder.Requirement{{ID: id + "-step", Kind: ladder.Hard, Text: fmt.Sprintf("%s step %d", axis, k)}}})
		}
		l.Skills = append(l.Skills, s)
	}
	for _, role := range ladderRoles {
		l.Tracks = append(l.Tracks, ladder.Track{ID: role.track, Name: role.track})
		for i, label := range role.labels {
			profile := map[string]int{}
			for a, axis := range ladderAxes {
				profile[axis] = role.profiles[i][a]
			}
			l.Levels = append(l.Levels, ladder.Level{ID: slug(label), Label: label, Track: role.track, Profile: profile})
		}
	}
	built, err := ladder.New(l)
	if err != nil {
		t.Fatal(err)
	}
	return built
}

// engineeringAnswer is the framework's own answer on a role: the highest
// level whose profile the person's steps meet, "" for none.
func engineeringAnswer(role int, steps [5]int) string {
	answer := ""
	for i, p := range ladderRoles[role].profiles {
		met := true
		for a := range p {
			met = met && steps[a] >= p[a]
		}
		if met {
			answer = ladderRoles[role].labels[i]
		}
	}
	return answer
}

func TestEngineeringLadders(t *testing.T) {
	l := engineeringLadder(t)
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	for range 5000 {
		var steps [5]int
		a := &ladder.Assessment{Ladder: "engineeringladders", Subject: "someone", Marks: map[string]ladder.Mark{}}
		for i, axis := range ladderAxes {
			// Biased up, so that the higher levels are reached too.
			steps[i] = min(5, r.IntN(4)+r.IntN(3))
			if steps[i] > 0 {
				a.Marks[fmt.Sprintf("%s-%d-step", axis, steps[i])] = ladder.Mark{Status: ladder.Reached}
			}
		}
		res, err := l.Evaluate(a)
		if err != nil {
			t.Fatal(err)
		}
		for role, tr := range res.Tracks {
			got := ""
			for _, lv := range res.Levels {
				if lv.Track == tr.ID && lv.Rank == tr.Rank {
					got = lv.Label
				}
			}
			if want := engineeringAnswer(role, steps); got != want {
				t.Fatalf("seed %d: steps %v on %s: got %q (rank %d), the framework says %q", seed, steps, tr.ID, got, tr.Rank, want)
			}
		}
	}
}
