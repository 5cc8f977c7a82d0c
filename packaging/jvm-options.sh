# The JVM options Wheelhouse runs with, in one place: ./wheelhouse, the installers and the benchmark
# source this. G1 is told to hand freed heap back to the system soon, which keeps a desktop app's
# resident memory close to what it really uses (with 5,000 pods: about 400 MiB instead of 485). Loading a
# big table leaves a large heap that no collection comes to shrink while the window sits idle: a periodic
# collection after 30 s without one hands it back (JEP 346), at the cost of one concurrent cycle per 30 s idle.
WHEELHOUSE_JVM_OPTIONS=(-XX:+UseG1GC -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5 -XX:G1PeriodicGCInterval=30000)
