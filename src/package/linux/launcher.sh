#!/bin/sh
# DiceLens launcher for the Linux app image (both bin/DiceLens and bin/dicelens are this file). It starts the bundled
# runtime exactly as jpackage's native launcher does, from lib/app/<launcher name>.cfg (class path, main class and JVM
# options, $APPDIR = lib/app), without that launcher's package lookup: JDK 17's runs `rpm -qf` and `dpkg -S` on
# itself at every start, ≈ 0.4 s here (docs/PACKAGING.md, "Launchers on Linux").
# Where the image is, with shell built-ins (readlink, dirname and basename were three programs started at every
# start, ≈ 19 ms here); a symbolic link to the launcher is followed, a linked directory is kept as named.
self=$0
if [ -L "$self" ]; then
  self=$(readlink -f "$self")
fi
case $self in
  */*) bindir=${self%/*} ;;
  *) bindir=. ;;
esac
name=${self##*/}
root=$(CDPATH='' cd -- "$bindir/.." && pwd) || exit 1
self="$root/bin/$name"
app="$root/lib/app"
cfg="$app/$name.cfg"
if [ ! -r "$cfg" ]; then
  echo "$self: missing $cfg" >&2
  exit 1
fi
given=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    java-options=*|app.classpath=*|app.mainclass=*)
      value=${line#*=}
      while :; do # $APPDIR → lib/app (no pattern substitution in POSIX sh)
        case $value in
          *'$APPDIR'*) value="${value%%\$APPDIR*}$app${value#*\$APPDIR}" ;;
          *) break ;;
        esac
      done
      case $line in
        java-options=*) set -- "$@" "$value" ;;
        app.classpath=*) classpath=${classpath:+$classpath:}$value ;;
        app.mainclass=*) main=$value ;;
      esac
      ;;
  esac
done < "$cfg"
set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"
# the user's arguments came first: move them after the main class
i=0
while [ "$i" -lt "$given" ]; do
  arg=$1
  shift
  set -- "$@" "$arg"
  i=$((i + 1))
done
LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}:$app"
export LD_LIBRARY_PATH
exec "$root/lib/runtime/bin/java" "$@"
