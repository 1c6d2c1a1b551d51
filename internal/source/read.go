package source

import (
	"io"
	"os"
	"strconv"
)

// ReadFile reads the file at path, no further than max bytes: a file over
// the limit is not read whole. It returns tooLarge, a message that says
// so, instead of the bytes when the file is over the limit.
func ReadFile(path string, max int) (data []byte, tooLarge string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	data, tooLarge, err = Read(f, max)
	if tooLarge != "" {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			tooLarge = tooLargeMessage(strconv.FormatInt(info.Size(), 10)+" bytes", max)
		}
	}
	return data, tooLarge, err
}

// Read reads r to its end, no further than max bytes, as ReadFile does.
func Read(r io.Reader, max int) (data []byte, tooLarge string, err error) {
	data, err = io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, "", err
	}
	if len(data) > max {
		return nil, tooLargeMessage("over "+strconv.Itoa(max)+" bytes", max), nil
	}
	return data, "", nil
}

func tooLargeMessage(size string, max int) string {
	return "document is " + size + ", over the limit of " + strconv.Itoa(max)
}
