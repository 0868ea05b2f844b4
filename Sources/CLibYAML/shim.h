// The system's libyaml (Debian: libyaml-dev), the YAML 1.1 parser the loader composes its trees from.
#ifndef ADVISOR_CLIBYAML_SHIM_H
#define ADVISOR_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
