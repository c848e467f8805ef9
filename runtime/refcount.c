/* runtime/refcount.c — the slow side of reference counting: deallocation
 * when a count reaches zero, and the debug build's global reference total.
 */
#include "objects/object.h"

#ifdef FT_DEBUG
ssize_t ft_rc_total;
#endif

void ft_dealloc(FtObject *op) { FT_TYPE(op)->tp_dealloc(op); }
