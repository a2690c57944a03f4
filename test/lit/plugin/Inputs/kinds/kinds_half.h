/* A user header that becomes a system header part-way. */
PADDED(before_pragma)
#pragma GCC system_header
PADDED(after_pragma)
