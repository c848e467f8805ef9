/* objects/ids.c — the table of interned identifiers behind FT_ID(name):
 * filled once at start-up from the FT_IDS X-macro in objects/ids.h.
 */
#include "objects/object.h"

FtObject *ft_ids[FT_IDX__COUNT];

static const char *const id_names[FT_IDX__COUNT] = {
#define FT_ID_NAME_(name) #name,
    FT_IDS(FT_ID_NAME_)
#undef FT_ID_NAME_
};

int ft_ids_init(void)
{
    for (int i = 0; i < FT_IDX__COUNT; i++) {
        if (ft_ids[i] != NULL)
            continue;
        /* The table keeps the reference for the life of the process. */
        FtObject *s = ft_str_intern_cstr(id_names[i]);
        if (s == NULL)
            return -1;
        ft_ids[i] = s;
    }
    return 0;
}
