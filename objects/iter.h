/* objects/iter.h — iterator types the built-ins return: the sequence
 * iterator (for classes with only __getitem__), enumerate, zip, map,
 * filter, reversed and the two-argument iter(callable, sentinel).
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_ITER_H
#define FT_OBJECTS_ITER_H

extern FtType FtSeqIter_Type;
extern FtType FtCallIter_Type;
extern FtType FtEnumerate_Type;
extern FtType FtZip_Type;
extern FtType FtMap_Type;
extern FtType FtFilter_Type;
extern FtType FtReversed_Type;

FtObject *ft_seqiter_new(FtObject *seq);
FtObject *ft_calliter_new(FtObject *callable, FtObject *sentinel);

#endif
