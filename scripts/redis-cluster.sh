#!/usr/bin/env bash
# Starts (or stops) a 3-master Redis Cluster on loopback for the cluster tests.
# Usage: scripts/redis-cluster.sh start|stop|status   (ports: TW_CLUSTER_PORTS, default "7101 7102 7103")
set -euo pipefail
PORTS=${TW_CLUSTER_PORTS:-"7101 7102 7103"}
DIR=${TW_CLUSTER_DIR:-/tmp/tradewind-redis-cluster}
cmd=${1:-start}

up() { redis-cli -p "$1" ping >/dev/null 2>&1; }

case "$cmd" in
  start)
    command -v redis-server >/dev/null || { echo "redis-server is not installed" >&2; exit 1; }
    first=${PORTS%% *}
    if up "$first" && redis-cli -p "$first" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; then
      echo "redis cluster already up on $PORTS"; exit 0
    fi
    mkdir -p "$DIR"
    nodes=()
    for p in $PORTS; do
      if up "$p"; then redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; sleep 0.2; fi
      rm -f "$DIR/nodes-$p.conf"
      redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$DIR/nodes-$p.conf" \
        --cluster-node-timeout 2000 --save "" --appendonly no --dir "$DIR" --daemonize yes --logfile "$DIR/redis-$p.log"
      nodes+=("127.0.0.1:$p")
    done
    for p in $PORTS; do for _ in $(seq 50); do up "$p" && break; sleep 0.1; done; done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
    for _ in $(seq 100); do
      redis-cli -p "$first" cluster info | grep -q 'cluster_state:ok' && { echo "redis cluster up on $PORTS"; exit 0; }
      sleep 0.1
    done
    echo "redis cluster did not reach cluster_state:ok" >&2; exit 1 ;;
  stop)
    for p in $PORTS; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
    rm -rf "$DIR"; echo "redis cluster stopped" ;;
  status)
    redis-cli -p "${PORTS%% *}" cluster info | grep cluster_state ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
