package naming

// ClientMethods are the methods the client's runtime declares on Client
// (it prints itself without its secret). Operations and iterators are
// methods of Client too, so their names must avoid these: reserve them in
// the scope that hands out method names.
var ClientMethods = []string{"String", "GoString", "Format", "LogValue"}
