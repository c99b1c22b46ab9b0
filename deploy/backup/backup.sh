#!/usr/bin/env bash
# Online backup of the store database (consistent while the server writes, via SQLite's
# backup API) together with the install secret; keeps the last 14.
set -euo pipefail
data=${DATA_DIR:-/var/lib/vitrina}
dest=${BACKUP_DIR:-/var/backups/vitrina}
keep=${BACKUP_KEEP:-14}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$dest/$stamp"
sqlite3 "$data/vitrina.sqlite" ".backup '$dest/$stamp/vitrina.sqlite'"
sqlite3 "$dest/$stamp/vitrina.sqlite" 'PRAGMA integrity_check' | grep -qx ok
[ -f "$data/secret" ] && cp "$data/secret" "$dest/$stamp/secret"
ls -1d "$dest"/*/ | sort | head -n -"$keep" | xargs -r rm -rf
echo "backup written to $dest/$stamp"
