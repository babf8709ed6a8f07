// Dump English CLDR names from ICU for tools/gazetteers/build.py.
// Output lines (UTF-8, tab-separated):
//   ISO   <CC>                      one per Locale::getISOCountries() code
//   REG   <table> <key> <name>      entries of region/en tables Countries, Countries%short, Countries%variant
//   LANG  <code> <name>             Languages table of lang/en
#include <unicode/locid.h>
#include <unicode/ures.h>
#include <unicode/putil.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uclean.h>
#include <cstdio>
#include <string>

static void dump_table(const char* tree, const char* table, const char* tag) {
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle* rb = ures_open((std::string(U_ICUDATA_NAME) + "-" + tree).c_str(), "en", &st);
    if (U_FAILURE(st)) { fprintf(stderr, "ures_open %s: %s\n", tree, u_errorName(st)); return; }
    UResourceBundle* t = ures_getByKey(rb, table, nullptr, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "no table %s: %s\n", table, u_errorName(st)); ures_close(rb); return; }
    int32_t n = ures_getSize(t);
    for (int32_t i = 0; i < n; ++i) {
        UErrorCode s2 = U_ZERO_ERROR;
        UResourceBundle* e = ures_getByIndex(t, i, nullptr, &s2);
        if (U_FAILURE(s2)) continue;
        int32_t len = 0;
        const UChar* u = ures_getString(e, &len, &s2);
        if (U_SUCCESS(s2)) {
            std::string out;
            icu::UnicodeString(u, len).toUTF8String(out);
            if (tag[0] == 'R') printf("REG\t%s\t%s\t%s\n", table, ures_getKey(e), out.c_str());
            else printf("LANG\t%s\t%s\n", ures_getKey(e), out.c_str());
        }
        ures_close(e);
    }
    ures_close(t);
    ures_close(rb);
}

int main() {
    for (const char* const* p = icu::Locale::getISOCountries(); *p; ++p) printf("ISO\t%s\n", *p);
    dump_table("region", "Countries", "R");
    dump_table("region", "Countries%short", "R");
    dump_table("region", "Countries%variant", "R");
    dump_table("lang", "Languages", "L");
    u_cleanup();
    return 0;
}
