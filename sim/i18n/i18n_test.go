package i18n

import "testing"

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, EN},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, JA},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, JA},
		{map[string]string{"LC_ALL": "ja"}, JA},
	}
	for _, tt := range tests {
		got := FromEnv(func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("FromEnv(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestParseAndIn(t *testing.T) {
	for in, want := range map[string]Lang{"en": EN, "JA": JA, "japanese": JA} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse(fr) succeeded, want an error")
	}
	txt := T("hello", "こんにちは")
	if txt.In(JA) != "こんにちは" || txt.In(EN) != "hello" {
		t.Errorf("In: got %q / %q", txt.In(EN), txt.In(JA))
	}
	if T("only english", "").In(JA) != "only english" {
		t.Error("a missing Japanese text should fall back to English")
	}
}
