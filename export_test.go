package ladder

// RuneCount exports runeCount to the tests.
var RuneCount = runeCount
