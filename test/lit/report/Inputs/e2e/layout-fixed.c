struct padded { double b, d, f, h; char a, c, e, g; };
struct padded table[16];
