#!/bin/sh
# Install CareJournal from its unpacked bundle for this user only (no root needed):
#   ./install.sh              copy this folder to ~/.local/opt/CareJournal, add CareJournal to
#                             the applications menu, and link ~/.local/bin/carejournal
#   ./install.sh --uninstall  take all of that away again (your journals are never touched)
# CAREJOURNAL_PREFIX chooses another folder than ~/.local/opt. `make dist` copies this script
# into the bundle folder, beside its executable `carejournal`.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
prefix=${CAREJOURNAL_PREFIX:-"$HOME/.local/opt"}
target="$prefix/CareJournal"
bin_dir="$HOME/.local/bin"
link="$bin_dir/carejournal"

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 2; }

uninstall() {
    if [ -x "$target/carejournal" ]; then
        "$target/carejournal" desktop uninstall || true
    fi
    if [ -L "$link" ] && [ "$(readlink -- "$link")" = "$target/carejournal" ]; then
        rm -f -- "$link"
    fi
    if [ -d "$target" ]; then
        # Only a folder that is a CareJournal bundle is removed (it holds no journal: those
        # live in your data folder, and stay there).
        [ -x "$target/carejournal" ] || fail "$target does not look like CareJournal; left as it is."
        rm -rf -- "$target"
    fi
    say "CareJournal was removed from $target and from the applications menu."
    say "Your journals were not touched."
}

install() {
    [ -x "$here/carejournal" ] || fail "run this script from the unpacked CareJournal folder."
    mkdir -p -- "$prefix"
    if [ "$here" != "$target" ]; then
        # Copied beside the old copy first, then swapped in: an interrupted copy leaves the
        # old one working.
        staging="$prefix/.CareJournal.new"
        rm -rf -- "$staging"
        cp -R -- "$here" "$staging"
        if [ -d "$target" ]; then
            [ -x "$target/carejournal" ] || fail "$target exists and is not CareJournal; left as it is."
            rm -rf -- "$target"
        fi
        mv -- "$staging" "$target"
    fi
    "$target/carejournal" desktop install --exec "$target/carejournal"
    mkdir -p -- "$bin_dir"
    if [ ! -e "$link" ] || [ -L "$link" ]; then
        ln -sfn -- "$target/carejournal" "$link"
        say "The carejournal command is linked from $link."
    else
        say "$link exists and is not a link; the carejournal command was not linked there."
    fi
    say "CareJournal is installed in $target. Open it from the applications menu."
}

case "${1:-}" in
    "") install ;;
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown option $1 (use --uninstall, or nothing to install)" ;;
esac
