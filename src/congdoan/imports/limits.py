"""How big a file the import reads, checked before any reader allocates for it.

The numbers are generous for the lists offices keep (a few thousand rows, twenty columns) and
far below what a hostile file declares (one cell at XFD1048576 is 17 billion cells). Nothing
here imports Django: the reading process (sandbox.py) uses it too.
"""

MAX_BYTES = 20 * 1024 * 1024  # the upload itself
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024  # a file the command line reads from disk, streamed
MAX_SHEETS = 20
MAX_BLANK_RUN = 500  # a sheet ends after this many empty rows in a row
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 256  # Excel 2003's limit; a member list has about twenty
MAX_CELLS = 10_000_000  # declared columns × rows of one sheet
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell

MAX_PARTS = 1_000  # files inside an .xlsx/.ods zip
MAX_UNPACKED = 512 * 1024 * 1024  # all its parts, unpacked
MAX_RATIO = 100  # unpacked ÷ packed for one part; office XML packs about 10 times
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may pack as tightly as they like
DIMENSION_PREFIX = 64 * 1024  # how much of a sheet's XML is read to find <dimension ref>

MEMORY_MB = 1_024  # address space of the reading process
CPU_SECONDS = 120  # processor time of the reading process
WAIT_SECONDS = 60  # the longest wait for its next rows (gunicorn gives a request 120 s)
ROWS_PER_FRAME = 2_000  # rows sent from the reading process at a time
