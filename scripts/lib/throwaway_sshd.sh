# Sourced: start_sshd DIR starts a throwaway sshd on a free 127.0.0.1 port, with its own host and
# client keys and configs in DIR, and writes DIR/ssh_config for clients (`ssh -F DIR/ssh_config`).
# Sets sshd_pid; returns 1 (after saying why) when sshd is missing or does not start. The caller
# kills $sshd_pid when done.
sshd_pid=
start_sshd() {
  local work=$1
  [ -x /usr/sbin/sshd ] || { echo "(no /usr/sbin/sshd)"; return 1; }
  if [ ! -d /run/sshd ]; then
    if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; else sudo mkdir -p /run/sshd; fi
  fi
  ssh-keygen -q -t ed25519 -N '' -f "$work/ssh_host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$work/ssh_client_key"
  cp "$work/ssh_client_key.pub" "$work/authorized_keys"
  local attempt ssh_port
  for attempt in 1 2 3 4 5; do
    ssh_port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$ssh_port") 2>/dev/null && continue  # taken
    cat >"$work/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $ssh_port
HostKey $work/ssh_host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100:30:200
CONF
    cat >"$work/ssh_config" <<CONF
Host *
  Port $ssh_port
  IdentityFile $work/ssh_client_key
  IdentitiesOnly yes
  UserKnownHostsFile /dev/null
  StrictHostKeyChecking no
  BatchMode yes
  LogLevel ERROR
CONF
    /usr/sbin/sshd -f "$work/sshd_config" -D -e 2>"$work/sshd.log" &
    sshd_pid=$!
    for _ in $(seq 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$ssh_port") 2>/dev/null && return 0
      kill -0 "$sshd_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; sshd_pid=
  done
  echo "(sshd did not start, see below)"; cat "$work/sshd.log"
  return 1
}

