# Sourced by .dev/run and .dev/test: installs the Debian packages the project needs when they are missing.
# As root it installs them; otherwise it uses sudo when that needs no password, or says exactly what to install.

ensure_debian_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Hinweis: kein Debian-System; bitte selbst installieren: $*" >&2
    return 0
  fi
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "Es fehlen Debian-Pakete: ${missing[*]}" >&2
      echo "Installieren Sie sie mit: sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi

  echo "Installiere Debian-Pakete: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
    # A fresh image may have no package lists yet.
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Das .NET-10-SDK fehlt: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
}
