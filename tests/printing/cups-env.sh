#!/bin/sh
# CTest fixture for the CUPS integration tests (run as root; no systemd).
#   cups-env.sh start STATE_DIR RAW_PORT   enable file devices, start cupsd unless it runs, create the queues
#                                          cz-pdf (cups-pdf, writing into STATE_DIR/pdf) and cz-raw (raw,
#                                          socket://127.0.0.1:RAW_PORT, where tst_cups listens)
#   cups-env.sh stop STATE_DIR             remove the queues, restore cups-pdf.conf, stop cupsd if we started it
# Exits non-zero when cupsd cannot be started: the integration tests must fail, not skip.
set -eu
cmd=${1:?start|stop}
state=${2:?state directory}
port=${3:-39100}
pdfconf=/etc/cups/cups-pdf.conf
filesconf=/etc/cups/cups-files.conf

running() { lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }

case "$cmd" in
start)
    mkdir -p "$state/pdf"
    chmod 0777 "$state/pdf"
    rm -f "$state/pdf/"*.pdf
    if [ ! -f "$filesconf" ] || ! command -v cupsd >/dev/null; then
        echo "cups-env: CUPS is not installed (apt-get install cups cups-client cups-bsd printer-driver-cups-pdf)" >&2
        exit 1
    fi
    need_restart=0
    if ! grep -q '^FileDevice Yes' "$filesconf"; then
        sed -i 's/^#\?FileDevice.*/FileDevice Yes/' "$filesconf"
        grep -q '^FileDevice Yes' "$filesconf" || echo 'FileDevice Yes' >>"$filesconf"
        need_restart=1
    fi
    if [ -f "$pdfconf" ]; then
        [ -f "$state/cups-pdf.conf.orig" ] || cp "$pdfconf" "$state/cups-pdf.conf.orig"
        sed -i -e "s|^#\?Out .*|Out $state/pdf|" -e "s|^#\?AnonDirName .*|AnonDirName $state/pdf|" "$pdfconf"
        grep -q "^Out $state/pdf" "$pdfconf" || echo "Out $state/pdf" >>"$pdfconf"
    fi
    if running && [ "$need_restart" = 1 ] && [ -f "$state/cupsd.pid" ]; then
        kill "$(cat "$state/cupsd.pid")" 2>/dev/null || true
        sleep 1
    fi
    if ! running; then
        setsid cupsd -f </dev/null >"$state/cupsd.log" 2>&1 &
        echo $! >"$state/cupsd.pid"
        i=0
        until running; do
            i=$((i + 1))
            if [ $i -gt 50 ]; then
                echo "cups-env: cupsd did not start; see $state/cupsd.log" >&2
                cat "$state/cupsd.log" >&2 || true
                exit 1
            fi
            sleep 0.2
        done
    fi
    lpadmin -x cz-pdf 2>/dev/null || true
    lpadmin -x cz-raw 2>/dev/null || true
    lpadmin -p cz-pdf -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd
    # abort-job: a failed raw job ends instead of stopping the queue for the tests that follow.
    lpadmin -p cz-raw -E -v "socket://127.0.0.1:$port" -m raw -o printer-error-policy=abort-job 2>/dev/null
    cupsenable cz-pdf cz-raw
    cupsaccept cz-pdf cz-raw
    lpstat -p cz-pdf -p cz-raw
    ;;
stop)
    lpadmin -x cz-pdf 2>/dev/null || true
    lpadmin -x cz-raw 2>/dev/null || true
    if [ -f "$state/cups-pdf.conf.orig" ]; then
        cp "$state/cups-pdf.conf.orig" "$pdfconf"
        rm -f "$state/cups-pdf.conf.orig"
    fi
    if [ -f "$state/cupsd.pid" ]; then
        kill "$(cat "$state/cupsd.pid")" 2>/dev/null || true
        rm -f "$state/cupsd.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR [RAW_PORT]" >&2
    exit 2
    ;;
esac
