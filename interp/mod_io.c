/* interp/mod_io.c — the io module: open() and the file classes of
 * objects/fileio.c under their CPython names, UnsupportedOperation and the
 * SEEK_* constants. (In-memory streams such as StringIO are not here yet.)
 */
#include "interp/modules.h"
#include "objects/fileio.h"
#include "objects/object.h"

static FtMethodDef io_methods[] = {
    {"open", ft_file_open, FT_METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_io_create(void)
{
    FtObject *unsupported = ft_io_unsupported_operation();
    if (unsupported == NULL || ft_file_init_types() < 0)
        return NULL;
    FtObject *m = ft_module_new("io");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, io_methods) < 0 ||
        ft_module_add_object(m, "UnsupportedOperation", unsupported) < 0 ||
        ft_module_add_object(m, "FileIO", (FtObject *)&FtFileIO_Type) < 0 ||
        ft_module_add_object(m, "BufferedReader",
                             (FtObject *)&FtBufferedReader_Type) < 0 ||
        ft_module_add_object(m, "BufferedWriter",
                             (FtObject *)&FtBufferedWriter_Type) < 0 ||
        ft_module_add_object(m, "BufferedRandom",
                             (FtObject *)&FtBufferedRandom_Type) < 0 ||
        ft_module_add_object(m, "TextIOWrapper",
                             (FtObject *)&FtTextIOWrapper_Type) < 0 ||
        ft_module_add_int(m, "SEEK_SET", 0) < 0 ||
        ft_module_add_int(m, "SEEK_CUR", 1) < 0 ||
        ft_module_add_int(m, "SEEK_END", 2) < 0 ||
        ft_module_add_int(m, "DEFAULT_BUFFER_SIZE", 8192) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
