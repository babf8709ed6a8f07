#!/usr/bin/env python3
"""Run newsner as a line filter over JSONL partitions on Dask distributed.

Each partition (a block of whole lines of the input files, split by
dask.bag.read_text) is piped through `newsner --jsonl` in a worker process; the
output keeps the partition order, so it is line for line the output of one
`newsner --jsonl` over the concatenated inputs (DESIGN.md section 3: exactly one
output line per input line, in order).

  # 2 local worker processes talking to a local scheduler over loopback:
  python3 newsner_dask.py --newsner build/newsner in/*.jsonl > out.jsonl
  # the same code on a cluster: start `dask-scheduler` and `dask-worker ADDR`
  # on the machines, put newsner on each worker's PATH and the inputs on shared
  # storage (NFS, HDFS, S3 paths work with read_text), then
  python3 newsner_dask.py --scheduler tcp://10.0.0.5:8786 --out-dir out/ /shared/in/*.jsonl

Records without an id field get the line number *within their partition* as id:
give records an id when the input is split. newsner's own flags go after `--`:
  python3 newsner_dask.py in.jsonl -- --reference-date 2019-01-15 --offsets utf16

Needs: python3-distributed (Debian) or `pip install "dask[distributed]"`.
"""

import argparse
import subprocess
import sys


def newsner_filter(lines, command):
    """Pipes one partition (an iterable of lines) through newsner; returns its lines.

    Runs in a Dask worker. Status 1 (some records failed) is normal: those records
    carry an "error" field. Anything else, or a line count mismatch, fails the task.
    """
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    want = data.count("\n")
    # surrogateescape gives back the bytes read_text could not decode, so that
    # newsner repairs invalid UTF-8 (and warns) as it does on a single machine.
    proc = subprocess.run(command, input=data.encode("utf-8", "surrogateescape"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{command[0]} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    out = proc.stdout.decode("utf-8").splitlines(keepends=True)
    if len(out) != want:
        raise RuntimeError(f"{command[0]}: {len(out)} output lines for {want} input lines")
    return out


def write_part(lines, path):
    """Writes one partition's lines to `path` (local, NFS, or any fsspec URL)."""
    import fsspec

    with fsspec.open(path, "w", encoding="utf-8", auto_mkdir=True) as f:
        f.writelines(lines)
    return len(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    newsner_args = []
    if "--" in argv:
        k = argv.index("--")
        argv, newsner_args = argv[:k], argv[k + 1:]
    p = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        usage="%(prog)s [options] INPUT... [-- NEWSNER_ARGS...]",
        epilog="Arguments after -- go to every newsner process, after --jsonl -j 1 --quiet "
               "(e.g. -- --reference-date 2019-01-15 --explain).")
    p.add_argument("inputs", nargs="+", help="JSONL files (local, NFS, or any fsspec URL on a cluster)")
    p.add_argument("--scheduler", help="scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--newsner", default="newsner", help="newsner executable on the workers (default: PATH)")
    p.add_argument("--blocksize", default="16MiB", help="partition size in bytes of input (default 16MiB)")
    p.add_argument("--out-dir", help="write one part-N.jsonl per partition there (default: stdout)")
    args = p.parse_args(argv)

    import dask.bag as db
    from distributed import Client, LocalCluster

    # One thread per worker process: newsner -j 1 per partition keeps cores busy
    # without oversubscribing them.
    command = [args.newsner, "--jsonl", "-j", "1", "--quiet", *newsner_args]
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        lines = db.read_text(args.inputs, blocksize=args.blocksize, encoding="utf-8",
                             errors="surrogateescape")
        tagged = lines.map_partitions(newsner_filter, command)
        if args.out_dir:
            import dask

            out = args.out_dir.rstrip("/")
            writes = [dask.delayed(write_part)(part, f"{out}/part-{i:05d}.jsonl")
                      for i, part in enumerate(tagged.to_delayed())]
            client.compute(writes, sync=True)
        else:
            # Partitions come back in order; fine for moderate outputs.
            for part in client.compute(tagged.to_delayed(), sync=True):
                sys.stdout.writelines(part)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
