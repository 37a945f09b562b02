// libxml2 beside Foundation: ICU must be off before any other libxml header is seen.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>

// xmlFree is a macro-like global function pointer; Swift calls this instead.
static inline void dossier_xml_free(void *p) { xmlFree(p); }
