// advisor_math.h holds everything, inline; a C target needs one source file.
#include "advisor_math.h"
