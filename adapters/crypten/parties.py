"""Two warm CrypTen parties for the adapter (docs/crypten.md).

CrypTen runs a computation by `crypten.mpc.run_multiprocess(world_size=2)`: it forks one process per
party (and a third, the trusted third party, under the TTP provider), rendezvous over a file, gloo
over loopback. Starting those per case costs seconds, so the decorated function here is a loop that
serves cases from a queue until told to stop: the parties stay up across cases. The decorated call
itself blocks until the parties exit, so it runs on a thread of the adapter.

A case that raises in CrypTen comes back as that party's error message. A case that does not finish
within the timeout (a party blocked on a peer that raised, a party that died) ends every party
process; the next case starts fresh ones. All of them are children of the adapter, in its process
group, so the runner's SIGTERM/SIGKILL of the group ends them too: no orphan outlives the adapter.
"""

import multiprocessing
import os
import queue
import sys
import threading
import time

import crypten
import crypten.communicator as comm
import crypten.mpc

WORLD = 2


def _serve(tasks, results, run_case):
    """A party's loop (inside CrypTen's run_multiprocess): one task after another until None."""
    os.dup2(2, 1)  # the adapter's stdout carries protocol lines only: a party's prints go to stderr
    rank = comm.get().get_rank()
    crypten.cfg.communicator.verbose = True
    inbox = tasks[rank]
    while True:
        task = inbox.get()
        if task is None:
            return
        try:
            answer = {"ok": run_case(task, rank)}
        except Exception as e:  # CrypTen's own message becomes this case's error
            answer = {"error": "%s: %s" % (type(e).__name__, e)}
        results.put((task["id"], rank, answer))


class Parties:
    """Party processes kept warm across cases; `run(task)` gives every party's answer."""

    def __init__(self, run_case, provider, timeout):
        self.run_case = run_case
        self.provider = provider
        self.timeout = timeout
        self.thread = None
        self.children = []
        self.serial = 0

    def _start(self):
        crypten.cfg.mpc.provider = self.provider  # read by run_multiprocess (TTP: a third process)
        crypten.cfg.communicator.verbose = True
        ctx = multiprocessing.get_context("fork")
        self.tasks = [ctx.Queue() for _ in range(WORLD)]
        self.results = ctx.Queue()
        before = set(multiprocessing.active_children())
        launch = crypten.mpc.run_multiprocess(world_size=WORLD)(_serve)
        self.thread = threading.Thread(
            target=launch, args=(self.tasks, self.results, self.run_case), daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        expected = WORLD + (1 if self.provider == "TTP" else 0)
        while time.monotonic() < deadline:
            self.children = [p for p in multiprocessing.active_children() if p not in before]
            if len(self.children) >= expected:
                break
            time.sleep(0.01)

    def run(self, task):
        """Every party's answer to one task, in rank order; raises RuntimeError on a timeout or a death."""
        if self.thread is None or not self.thread.is_alive() or self._dead():
            self.stop(force=True)  # a party that died between cases: start afresh
            self._start()
        self.serial += 1
        task = dict(task, id=self.serial)
        for inbox in self.tasks:
            inbox.put(task)
        answers = {}
        deadline = time.monotonic() + self.timeout
        while len(answers) < WORLD:
            try:
                tid, rank, answer = self.results.get(timeout=0.2)
            except queue.Empty:
                dead = self._dead()
                if dead:
                    self.stop(force=True)
                    raise RuntimeError(
                        "a CrypTen party process exited with code %s during the case" % dead[0].exitcode
                    )
                if time.monotonic() > deadline:
                    self.stop(force=True)
                    raise RuntimeError("CrypTen did not finish the case within %g s" % self.timeout)
                continue
            if tid == task["id"]:
                answers[rank] = answer
        return [answers[r] for r in range(WORLD)]

    def _dead(self):
        return [p for p in self.children if p.exitcode is not None]

    def stop(self, force=False):
        """End the parties: ask them to leave (CrypTen uninit), or end their processes at once."""
        if self.thread is None:
            return
        if not force:
            for inbox in self.tasks:
                inbox.put(None)
            self.thread.join(timeout=5)
        for p in self.children:
            if p.exitcode is None:
                p.terminate()
        for p in self.children:
            p.join(timeout=2)
            if p.exitcode is None:
                p.kill()
                p.join(timeout=2)
        self.thread.join(timeout=2)
        if self.thread.is_alive():
            print("crypten adapter: the run_multiprocess thread did not end", file=sys.stderr)
        self.thread = None
        self.children = []
