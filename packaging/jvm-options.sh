# The JVM options Wheelhouse runs with, in one place: ./wheelhouse, the installers and the benchmark
# source this. G1 is told to hand freed heap back to the system soon, which keeps a desktop app's
# resident memory close to what it really uses (with 5,000 pods: about 400 MiB instead of 485). Loading a
# big table leaves a large heap that no collection comes to shrink while the window sits idle: a periodic
# collection, checked every 15 s and run when none ran meanwhile, hands it back within 30 s (JEP 346; at
# 51k pods RSS went from 667 to 496 MiB) at the cost of one concurrent cycle per 15 s idle.
WHEELHOUSE_JVM_OPTIONS=(-XX:+UseG1GC -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5 -XX:G1PeriodicGCInterval=15000)
