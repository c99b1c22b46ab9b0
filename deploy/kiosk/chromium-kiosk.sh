#!/usr/bin/env bash
# Full-screen Chromium for a kiosk or a signage screen.
#   VITRINA_URL=http://edge.local:8080/kiosk/ ./chromium-kiosk.sh      (pair once with ?token=…)
set -euo pipefail
url=${VITRINA_URL:?set VITRINA_URL, e.g. http://edge.local:8080/signage/}
profile=${VITRINA_PROFILE:-$HOME/.config/vitrina-kiosk}
mkdir -p "$profile"
# Clear the "Chromium didn't shut down correctly" bubble after a power cut.
sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$profile/Default/Preferences" 2>/dev/null || true
exec chromium --kiosk --noerrdialogs --disable-infobars --no-first-run --disable-translate \
  --disable-features=TranslateUI --disable-pinch --overscroll-history-navigation=0 \
  --autoplay-policy=no-user-gesture-required --check-for-update-interval=31536000 \
  --user-data-dir="$profile" "$url"
