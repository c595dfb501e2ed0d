#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for testing pas.launch against a real scheduler (run as root).
#
#   scripts/slurm_local.sh start [DIR]   install slurm-wlm and munge if missing, start munged, slurmctld, slurmd
#   scripts/slurm_local.sh stop  [DIR]   stop the daemons this script started (by the pids it recorded)
#   scripts/slurm_local.sh env   [DIR]   print the `export SLURM_CONF=...` line the clients need
#
# Everything lives in DIR (default /tmp/pas-slurm): slurm.conf, its own munge key and socket, its own state folder.
# Debian's package leaves /var/lib/slurm/slurmctld with ClusterName `local`, and slurmctld refuses to start under
# another name against it, so the state folder is ours. No accounting storage (as on many small sites): `sacct`
# has nothing to say, and pas reads job states from squeue / scontrol instead.
set -euo pipefail
cmd=${1:-start}
dir=${2:-${PAS_SLURM_DIR:-/tmp/pas-slurm}}
conf="$dir/slurm.conf"

stop_daemons() {
  for d in slurmd slurmctld munged; do
    f="$dir/$d.pid"
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}

case "$cmd" in
  env) echo "export SLURM_CONF=$conf"; exit 0 ;;
  stop) stop_daemons; echo "slurm_local: stopped the daemons of $dir"; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop|env [DIR]" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then echo "slurm_local: must run as root (it installs packages and starts daemons)" >&2; exit 1; fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm_local: installing slurm-wlm and munge"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi

stop_daemons
mkdir -p "$dir/state" "$dir/spool" "$dir/munge" "$dir/log"
chmod 700 "$dir/munge"
[ -f "$dir/munge/munge.key" ] || { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none; }
chmod 400 "$dir/munge/munge.key"
sock="$dir/munge/munge.socket.2"
munged --force --key-file="$dir/munge/munge.key" --socket="$sock" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"

node=$(hostname -s)
# The node line as slurmd measures this machine (CPUs, sockets, cores, memory), minus 512 MB left to the system.
hw=$(slurmd -C | head -1 | sed -E 's/^NodeName=[^ ]+ //')
mem=$(echo "$hw" | sed -E 's/.*RealMemory=([0-9]+).*/\1/')
hw=$(echo "$hw" | sed -E "s/RealMemory=[0-9]+/RealMemory=$((mem - 512))/")
cat > "$conf" <<EOF
ClusterName=pas
SlurmctldHost=$node
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
# finished jobs stay visible to scontrol for an hour (there is no accounting storage to ask afterwards)
MinJobAge=3600
KillWait=10
SchedulerParameters=bf_interval=1
NodeName=$node $hw State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 60); do
  if sinfo -h -o %t 2>/dev/null | grep -q -E "^idle"; then
    echo "slurm_local: node $node idle; export SLURM_CONF=$conf"; exit 0
  fi
  sleep 1
done
echo "slurm_local: the node did not become idle within 60 s; logs in $dir/log" >&2
sinfo >&2 || true
tail -20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
exit 1
