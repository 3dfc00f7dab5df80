# Debian 12 packages that building, testing and running sendcase need.
# Sourced by ./check and ./demo.

SC_PACKAGES=(
  build-essential meson ninja-build pkg-config
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libpq-dev libsodium-dev glib-networking
  postgresql postgresql-contrib postgresql-client
  xvfb xauth dbus dbus-daemon dbus-x11 iproute2 openssl python3 python3-jsonschema python3-yaml util-linux
  xdotool poppler-utils fonts-dejavu-core libcairo2-dev libpango1.0-dev
  adwaita-icon-theme fonts-cantarell gsettings-desktop-schemas
  clang libclang-rt-14-dev
)

sc_install_missing () {
  local missing=() pkg
  for pkg in "${SC_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      echo "these Debian packages are missing and this user cannot install them: ${missing[*]}" >&2
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
