#!/usr/bin/env bash
# One-command backup of Arena's embedded database (the H2 file under ./data/).
#
#   scripts/backup-embedded.sh [data-dir] [backup-dir]      defaults: ./data  ./backups/arena-<UTC time>
#
# Stop Arena first: the embedded database is a single-process file (AUTO_SERVER=FALSE) and H2 refuses a second opener
# while Arena runs. The backup is H2's SCRIPT (org.h2.tools.Script): a logical, compressed SQL dump of the whole
# database, consistent by construction, which any later H2 can load. The other files of the data directory (such as the
# generated data key that encrypts ID numbers) are copied beside it: without the key the encrypted columns are useless.
# The H2 used is the one inside Arena's own jar, so the dump matches the version that wrote the file.
#
# Restore into an empty data directory (then start Arena with that directory as ./data):
#   java -cp <h2 jar> org.h2.tools.RunScript -url "jdbc:h2:file:<new-data-dir>/arena;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
#        -user sa -script <backup-dir>/arena.sql.zip -options compression zip
#   and copy the other files of <backup-dir> (not arena.sql.zip) into <new-data-dir>.
# The command prints the exact restore line for the backup it made.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$(cd "${1:-./data}" && pwd)
BACKUP=${2:-./backups/arena-$(date -u +%Y%m%dT%H%M%SZ)}
USER_=${ARENA_DB_USER:-sa}
PASSWORD_=${ARENA_DB_PASSWORD:-}

[ -f "$DATA/arena.mv.db" ] || { echo "no embedded database at $DATA/arena.mv.db" >&2; exit 1; }

JAR=$(ls "$ROOT"/target/arena-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
  echo "building Arena's jar (for its H2 version)"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  JAR=$(ls "$ROOT"/target/arena-*.jar | grep -v '\.original$' | head -1)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
H2_ENTRY=$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$')
unzip -q -o "$JAR" "$H2_ENTRY" -d "$WORK"
H2="$WORK/$H2_ENTRY"

mkdir -p "$BACKUP"
BACKUP=$(cd "$BACKUP" && pwd)
URL="jdbc:h2:file:$DATA/arena;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE"
if ! java -cp "$H2" org.h2.tools.Script -url "$URL" -user "$USER_" -password "$PASSWORD_" \
     -script "$BACKUP/arena.sql.zip" -options compression zip 2> "$WORK/error.txt"; then
  if grep -q 'already in use' "$WORK/error.txt"; then
    echo "the embedded database is in use: stop Arena, then run this again" >&2
  else
    cat "$WORK/error.txt" >&2
  fi
  rmdir "$BACKUP" 2>/dev/null || true
  exit 1
fi
# Everything else in the data directory: the database's own files are in the dump already.
find "$DATA" -maxdepth 1 -type f ! -name 'arena.mv.db' ! -name '*.trace.db' ! -name '*.lock.db' ! -name '*.tmp' \
  -exec cp -p {} "$BACKUP/" \;
cp "$H2" "$BACKUP/"

echo "backup written to $BACKUP ($(du -sh "$BACKUP" | cut -f1)):"
ls -1 "$BACKUP" | sed 's/^/  /'
echo "restore into an empty directory NEW_DATA:"
echo "  java -cp $BACKUP/$(basename "$H2") org.h2.tools.RunScript -url \"jdbc:h2:file:NEW_DATA/arena;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH\" -user $USER_ -script $BACKUP/arena.sql.zip -options compression zip"
echo "  and copy the other files of $BACKUP except arena.sql.zip and the h2 jar into NEW_DATA"
