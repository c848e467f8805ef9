/* objects/codecs.c — the text codecs: str.encode and bytes.decode.
 * For now only utf-8 (str's own storage) is known.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"

#include <string.h>

FtObject *ft_str_encode(FtObject *s, const char *encoding, const char *errors)
{
    (void)errors;
    if (encoding != NULL && strcmp(encoding, "utf-8") != 0 &&
        strcmp(encoding, "utf8") != 0) {
        ft_err_format(FtExc_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
    return ft_bytes_from_buf(FT_STR_DATA(s), (size_t)FT_STR_NBYTES(s));
}
