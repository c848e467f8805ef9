/* objects/objects_init.c — start-up of the object layer: the caches that
 * everything else relies on first, then every static type, then the
 * exception classes. */
#include "interp/code.h"
#include "objects/fileio.h"
#include "objects/object.h"
#include "objects/weakref.h"

static FtType *const static_types[] = {
    &FtType_Type, &FtBaseObject_Type, &FtNone_Type, &FtNotImplemented_Type,
    &FtEllipsis_Type, &FtInt_Type, &FtBool_Type, &FtFloat_Type, &FtStr_Type,
    &FtList_Type, &FtTuple_Type, &FtDict_Type, &FtSet_Type, &FtRange_Type,
    &FtSlice_Type, &FtModule_Type, &FtCFunction_Type, &FtMethodDescr_Type,
    &FtGetSetDescr_Type, &FtMethod_Type, &FtProperty_Type,
    &FtStaticMethod_Type, &FtClassMethod_Type, &FtSuper_Type,
    &FtSeqIter_Type, &FtCallIter_Type, &FtEnumerate_Type, &FtZip_Type,
    &FtMap_Type, &FtFilter_Type, &FtReversed_Type, &FtFunction_Type,
    &FtCell_Type, &FtCode_Type, &FtGenerator_Type, &FtTraceback_Type,
    &FtStrIter_Type, &FtTupleIter_Type, &FtListIter_Type,
    &FtListRevIter_Type, &FtDictKeys_Type, &FtDictValues_Type,
    &FtDictItems_Type, &FtDictKeyIter_Type, &FtDictValueIter_Type,
    &FtDictItemIter_Type, &FtDictRevKeyIter_Type, &FtSetIter_Type,
    &FtRangeIter_Type, &FtBytes_Type, &FtByteArray_Type, &FtBytesIter_Type, &FtFrozenSet_Type,
    &FtByteArrayIter_Type, &FtWeakref_Type,
};

int ft_objects_init(void)
{
    if (ft_int_init() < 0 || ft_str_init() < 0)
        return -1;
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++)
        if (ft_type_ready(static_types[i]) < 0)
            return -1;
    if (ft_exceptions_init() < 0 || ft_codecs_init() < 0)
        return -1;
    ft_weakref_init();
    return ft_file_init_types(); /* open() is a builtin */
}
