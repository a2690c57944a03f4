// Compiled with -DMSG="\"hello world\"" and -I'sub dir': both must arrive
// whole through the shell-quoted "command" form.
#include "spaced.h"
_Static_assert(sizeof(MSG) == sizeof("hello world"), "MSG arrives whole");
_Static_assert(SPACED == 1, "the include path with a space arrives whole");
