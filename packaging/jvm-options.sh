# The JVM options Wheelhouse runs with, in one place: ./wheelhouse, the installers and the benchmark
# source this. G1 is told to hand freed heap back to the system soon, which keeps a desktop app's
# resident memory close to what it really uses (with 5,000 pods: about 400 MiB instead of 485).
WHEELHOUSE_JVM_OPTIONS=(-XX:+UseG1GC -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5)
