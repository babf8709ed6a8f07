// One doctest binary for every unit test (tests/unit mirrors src/newsner).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
