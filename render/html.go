package render

import (
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/ladderkit/ladder"
)

// style is the CSS of every page: readable on screen and on paper, where a
// report fits on A4.
const style = `
body.wide { max-width: none; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #d5dbe3; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p.sub { color: #566273; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #d5dbe3; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #f2f5f8; }
ul { margin: 0; padding-left: 1.1rem; }
.soft { color: #566273; font-style: italic; }
.tag { display: inline-block; font-size: .75rem; font-style: normal; border: 1px solid #aeb8c5; border-radius: .6rem; padding: 0 .35rem; margin-left: .25rem; color: #3d4856; }
.reached { color: #17643a; font-weight: 600; }
.not-yet { color: #9a3412; font-weight: 600; }
.unassessed, .not-applicable { color: #566273; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: .6rem 0 1rem; }
.summary div { min-width: 10rem; }
.summary strong { display: block; font-size: 1.3rem; }
.pre { white-space: pre-line; }
table.holds td { white-space: nowrap; }
ul.reasons { font-size: .92em; }
.heat-0 { background: #f7f9fb; } .heat-1 { background: #e1efe6; } .heat-2 { background: #c2e0cc; }
.heat-3 { background: #9dcdb0; } .heat-4 { background: #74b892; } .heat-5 { background: #4f9e74; color: #fff; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2430; }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 9.5pt; margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, figure, li { break-inside: avoid; }
  ul.reasons { columns: 2; column-gap: 1.5rem; font-size: 8.5pt; }
}
`

var funcs = template.FuncMap{
	"status": statusText,
	"class":  func(s ladder.Status) string { return strings.ReplaceAll(statusText(s), " ", "-") },
	"title":  levelTitle,
	"add":    func(a, b int) int { return a + b },
	"mul":    func(a, b int) int { return a * b },
	"soft":   func(k ladder.Kind) bool { return k == ladder.Soft },
	"track":  func(m *matrix, id string) string { return m.Tracks[id] },
	"heat": func(level, top int) string {
		return "heat-" + string(rune('0'+min(5, (level*5+top-1)/top)))
	},
	"page": func(title string, wide bool) any {
		return struct {
			Title string
			Wide  bool
		}{title, wide}
	},
	"width": func(b bar) int { return 360 * b.Level / b.Top },
}

var pages = template.Must(template.New("pages").Funcs(funcs).Parse(`
{{define "head"}}{{template "open" .Title}}<body{{if .Wide}} class="wide"{{end}}>
{{end}}

{{define "open"}}<!DOCTYPE html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.}}</title>
<style>` + style + `</style>
</head>
{{end}}

{{define "ladder"}}{{template "head" (page .L.Name true)}}<header>
<h1>{{.L.Name}}{{if .L.Version}} <small>{{.L.Version}}</small>{{end}}</h1>
{{if .L.Summary}}<p class="sub">{{.L.Summary}}</p>{{end}}
{{if .L.Description}}<p class="pre">{{.L.Description}}</p>{{end}}
</header>
<main>
{{if .M.Rows}}<table>
<caption>Levels{{if .M.Columns}} and their requirements, by skill (soft requirements in italics){{end}}{{if .M.Wanted}}{{if .M.Columns}},{{end}} and the skill levels their profiles ask for{{end}}</caption>
<thead><tr><th scope="col">Level</th>{{if .M.Reach}}<th scope="col">Expertise reach</th>{{end}}{{if .M.Description}}<th scope="col">Description</th>{{end}}{{range .M.Wanted}}<th scope="col">{{.Name}} level</th>{{end}}{{range .M.Columns}}<th scope="col">{{.Name}}</th>{{end}}</tr></thead>
<tbody>
{{range .M.Rows}}<tr>
<th scope="row">{{title .Level.Label .Level.Name .Level.ID}}{{if .Level.Track}}<br/><span class="tag">{{track $.M .Level.Track}}</span>{{end}}<br/><small>rank {{.Rank}}</small>{{if .Level.Threshold}}<br/><small>threshold {{.Level.Threshold}}</small>{{end}}</th>
{{if $.M.Reach}}<td>{{.Level.Reach}}</td>{{end}}
{{if $.M.Description}}<td class="pre">{{.Level.Description}}</td>{{end}}
{{range .Wants}}<td>{{.}}</td>{{end}}
{{range .Cells}}<td>{{if .}}<ul>{{range .}}<li{{if soft .Kind}} class="soft"{{end}}><span class="pre">{{.Text}}</span>{{if soft .Kind}}<span class="tag">soft</span>{{end}}{{if .Points}}<span class="tag">{{.Points}} pt</span>{{end}}</li>{{end}}</ul>{{end}}</td>{{end}}
</tr>
{{end}}</tbody>
</table>{{end}}
{{range .M.Stepped}}<table>
<caption>{{.Name}}: steps</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Points</th><th scope="col">Requirements</th></tr></thead>
<tbody>
{{range $i, $s := .Steps}}<tr><th scope="row">{{add $i 1}}{{if $s.Name}} {{$s.Name}}{{end}}</th><td>{{$s.Points}}</td><td><ul>{{range $s.Requirements}}<li{{if soft .Kind}} class="soft"{{end}}><span class="pre">{{.Text}}</span>{{if soft .Kind}}<span class="tag">soft</span>{{end}}</li>{{end}}</ul></td></tr>
{{end}}</tbody>
</table>
{{end}}</main>
</body>
</html>
{{end}}

{{define "report"}}{{template "head" (page (print .Res.Subject " – " .Res.LadderName) false)}}<header>
<h1>{{.Res.Subject}}</h1>
<p class="sub">{{.Res.LadderName}}{{if .Res.Version}} {{.Res.Version}}{{end}}{{if .Res.Assessor}}, assessed by {{.Res.Assessor}}{{end}}{{if .Res.Date}} on {{.Res.Date}}{{end}}</p>
</header>
<main>
<section class="summary" aria-label="Summary">
<div>Level reached<strong>{{with .Reached}}{{title .Label .Name .ID}}{{else}}none{{end}}</strong>{{if .Res.Track}}on track {{.TrackName}}{{end}}</div>
{{range .Others}}<div>On track {{.Name}}<strong>rank {{.Rank}}</strong></div>{{end}}
{{if .Res.Points}}<div>Points<strong>{{.Res.Points}}</strong></div>{{end}}
{{range .Res.Values}}<div>{{.Name}}<strong>{{.Value}}</strong></div>{{end}}
</section>

<h2>Skill levels</h2>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" width="640" height="{{add 8 (mul 26 (len .Bars))}}" viewBox="0 0 640 {{add 8 (mul 26 (len .Bars))}}">
<title id="chart-title">Skill levels of {{.Res.Subject}}</title>
<desc id="chart-desc">{{range $i, $b := .Bars}}{{if $i}}; {{end}}{{$b.Name}}: level {{$b.Level}} of {{$b.Top}}{{end}}</desc>
{{range $i, $b := .Bars}}<g transform="translate(0 {{add 4 (mul 26 $i)}})">
<text x="0" y="15">{{$b.Name}}</text>
<rect x="200" y="2" width="360" height="16" fill="#e6ebf0"/>
<rect class="bar" x="200" y="2" width="{{width $b}}" height="16" fill="#4f9e74"/>
<text x="570" y="15">{{$b.Level}} / {{$b.Top}}</text>
</g>
{{end}}</svg>
<figcaption>Each skill's level: the highest step reached, with every step below it.</figcaption>
</figure>

<h2>{{with .Next}}To reach {{title .Label .Name .ID}}{{else}}The top level is reached{{end}}</h2>
{{if .Plan}}<ul>
{{range .Plan}}<li>{{if eq .Kind "hard"}}<strong>{{.Skill}}</strong>: <span class="pre">{{.Text}}</span> <span class="{{class .Status}}">({{status .Status}}{{if .Reason}}: {{.Reason}}{{end}})</span>{{else if eq .Kind "soft"}}<strong>{{.Skill}}</strong> <span class="tag">soft</span>: <span class="pre soft">{{.Text}}</span> <span class="{{class .Status}}">({{status .Status}}{{if .Reason}}: {{.Reason}}{{end}})</span>{{else}}{{.Text}}{{end}}</li>
{{end}}</ul>{{end}}

<h2>What holds</h2>
<table class="holds">
<caption>Each skill at each level: its verdict, and the hard and soft requirements reached</caption>
<thead><tr><th scope="col">Level</th>{{range .Skills}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Holds}}<tr><th scope="row">{{title .Level.Label .Level.Name .Level.ID}}<br/><span class="{{if .Level.Reached}}reached{{else}}not-yet{{end}}">{{if .Level.Reached}}reached{{else}}not reached{{end}}</span></th>{{if .Cells}}{{range .Cells}}<td>{{if .}}<span class="{{if .Reached}}reached{{else}}not-yet{{end}}">{{if .Reached}}✓{{else}}✗{{end}}</span> hard {{.Hard.Reached}}/{{.Hard.Total}}{{if .Soft.Total}}, soft {{.Soft.Reached}}/{{.Soft.Total}}{{end}}{{end}}</td>{{end}}{{else}}<td>{{.Note}}</td>{{end}}</tr>
{{if and .Cells .Note}}<tr><td></td><td colspan="{{len .Cells}}">{{.Note}}</td></tr>
{{end}}{{end}}</tbody>
</table>
{{if .Reasons}}<h2>Reasons given</h2>
<ul class="reasons">
{{range .Reasons}}<li><strong>{{.Level}}, {{.Skill}}</strong>: {{.Text}} (<span class="{{class .Status}}">{{status .Status}}</span>): {{.Reason}}</li>
{{end}}</ul>
{{end}}{{if .Res.Orphans}}<h2>Marks of what this version of the ladder does not have</h2>
<ul class="reasons">
{{range .Res.Orphans}}<li><strong>{{.Of}}{{if ne .Of "requirement"}} of level{{end}} {{.ID}}</strong>: <span class="{{class .Status}}">{{status .Status}}</span>{{if .Reason}}: {{.Reason}}{{end}}</li>
{{end}}</ul>
{{end}}</main>
</body>
</html>
{{end}}

{{define "team"}}{{template "head" (page (print "Team – " .Ladder) false)}}<header>
<h1>Team</h1>
<p class="sub">{{.Ladder}}: each person's level in each skill</p>
</header>
<main>
<table>
<caption>Skill levels by person (darker is higher)</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Level reached</th>{{range .Skills}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .People}}<tr><th scope="row">{{.Name}}</th><td>{{.Rank}}</td>{{range .Levels}}<td class="{{heat . $.Top}}">{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</main>
</body>
</html>
{{end}}
`))

// xmlSafe writes what the templates write, with the control characters
// that XML does not allow (a text may hold them, as a vertical tab from a
// slide) written as U+FFFD: the page stays well-formed.
type xmlSafe struct{ w io.Writer }

func (x xmlSafe) Write(p []byte) (int, error) {
	bad := func(c byte) bool { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' }
	if !slices.ContainsFunc(p, bad) {
		return x.w.Write(p)
	}
	clean := make([]byte, 0, len(p)+8)
	for _, c := range p {
		if bad(c) {
			clean = append(clean, "\uFFFD"...)
		} else {
			clean = append(clean, c)
		}
	}
	if _, err := x.w.Write(clean); err != nil {
		return 0, err
	}
	return len(p), nil
}

func ladderHTML(w io.Writer, l *ladder.Ladder, m *matrix) error {
	w = xmlSafe{w}
	return pages.ExecuteTemplate(w, "ladder", struct {
		L *ladder.Ladder
		M *matrix
	}{l, m})
}

func reportHTML(w io.Writer, r *report) error { return pages.ExecuteTemplate(xmlSafe{w}, "report", r) }

func teamHTML(w io.Writer, t *team) error { return pages.ExecuteTemplate(xmlSafe{w}, "team", t) }
