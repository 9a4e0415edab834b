/* TEST-ONLY shim for Wine 8, which lacks bcryptprimitives.dll: Rust's std (1.78+) asks it for
 * ProcessPrng to seed HashMap keys. Forwards to advapi32's SystemFunction036 (RtlGenRandom).
 * Built by tests/it/dist/cross.rs with x86_64-w64-mingw32-gcc next to a copy of tongbao.exe in a
 * temporary folder. Never shipped in a package. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
