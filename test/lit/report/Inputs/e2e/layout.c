struct padded { char a; double b; char c; double d; char e; double f; char g; double h; };
struct padded table[16];
