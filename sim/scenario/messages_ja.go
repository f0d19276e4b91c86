package scenario

var messagesJA = map[string]string{}
