// The headers hold everything, inline; a C target needs one source file.
#include "advisor_math.h"
#include "advisor_cpus.h"
