package ladder

import "encoding/json"

// The JSON form of results, as `ladder eval --format json` prints it. The
// wire types give the keys; the result types keep Go names.

type resultJSON struct {
	Ladder struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	} `json:"ladder"`
	Subject string `json:"subject"`
	Level   struct {
		Rank int    `json:"rank"`
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"level"`
	Levels []LevelResult `json:"levels"`
	Next   *LevelResult  `json:"next"`
}

type levelJSON struct {
	Rank            int           `json:"rank"`
	ID              string        `json:"id"`
	Name            string        `json:"name"`
	Reach           string        `json:"reach,omitempty"`
	Reached         bool          `json:"reached"`
	ReachMark       *Mark         `json:"reachMark,omitempty"`
	DescriptionMark *Mark         `json:"descriptionMark,omitempty"`
	Groups          []GroupResult `json:"groups"`
}

type groupJSON struct {
	Skill      string   `json:"skill"`
	Name       string   `json:"name"`
	General    bool     `json:"general"`
	Reached    bool     `json:"reached"`
	Missing    []string `json:"missing"`
	Unassessed []string `json:"unassessed"`
	Hard       Count    `json:"hard"`
	Soft       Count    `json:"soft"`
}

// MarshalJSON encodes the result as `ladder eval --format json` prints it:
//
//	{"ladder": {"id", "version"}, "subject",
//	 "level": {"rank", "id", "name"},
//	 "levels": [{"rank", "id", "name", "reach", "reached", "reachMark", "descriptionMark",
//	             "groups": [{"skill", "name", "general", "reached", "missing", "unassessed", "hard", "soft"}]}],
//	 "next": <the level above the rank, as in "levels", or null>}
//
// level.rank is 0, and level.id and level.name are "", when no level is
// reached.
func (r Result) MarshalJSON() ([]byte, error) {
	var w resultJSON
	w.Ladder.ID, w.Ladder.Version = r.Ladder, r.Version
	w.Subject = r.Subject
	w.Level.Rank = r.Rank
	if lv := r.Level(); lv != nil {
		w.Level.ID, w.Level.Name = lv.ID, lv.Name
	}
	w.Levels = r.Levels
	w.Next = r.Next()
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, so that a program can
// store results and read them back. "next" is not read: it repeats a level
// of "levels".
func (r *Result) UnmarshalJSON(data []byte) error {
	var w resultJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*r = Result{Ladder: w.Ladder.ID, Version: w.Ladder.Version, Subject: w.Subject, Rank: w.Level.Rank, Levels: w.Levels}
	return nil
}

// MarshalJSON encodes the level result with the keys of Result.MarshalJSON.
func (lr LevelResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(levelJSON(lr))
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (lr *LevelResult) UnmarshalJSON(data []byte) error {
	return json.Unmarshal(data, (*levelJSON)(lr))
}

// MarshalJSON encodes the group result with the keys of Result.MarshalJSON.
func (gr GroupResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(groupJSON(gr))
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (gr *GroupResult) UnmarshalJSON(data []byte) error {
	return json.Unmarshal(data, (*groupJSON)(gr))
}
