package dev.wheelhouse.ui.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line, as kubectl users expect it: {@code --kubeconfig FILE}, {@code --context NAME}.
 *
 * @param snapshot where to save a PNG of the window once the first connection has settled, then quit
 * @param probe    only check that the chosen context answers, print the result, and exit (no window)
 * @param smoke    only connect to the chosen context, print its namespaces one per line, and exit (no window);
 *                 the installer test uses it to see that an installed app reaches a cluster
 * @param exitWhenReady print the wall clock once the window lists its contexts, then quit (the start-up benchmark)
 * @param readOnly classroom read-only mode: nothing that changes the cluster is allowed (also the setting classroom.read-only)
 * @param learn    open the learning tab at start (for --snapshot pictures of it)
 * @param labs     open the labs tab at start (with --snapshot, a picture of a lab)
 */
public record AppOptions(String kubeconfig, String context, String namespace, Path snapshot, boolean probe, boolean smoke,
                         boolean exitWhenReady, boolean help, boolean labs, boolean readOnly, boolean learn) {

    public static final String USAGE = """
            Usage: wheelhouse [--kubeconfig FILE] [--context NAME] [-n|--namespace NAME] [--snapshot FILE.png] [--probe] [--smoke] [--exit-when-ready] [--labs] [--read-only] [--learn]
              --kubeconfig FILE   read this kubeconfig instead of $KUBECONFIG or ~/.kube/config
              --context NAME      connect to this context instead of the current one
              -n, --namespace NAME open on this namespace instead of the context's own
              --snapshot FILE     save a picture of the window once connected, then quit
              --probe             check that the context answers and exit 0 (yes) or 1 (no)
              --smoke             connect, print the context's namespaces one per line and exit
              --exit-when-ready   once the window lists the contexts, print "ready <epoch ms>" and exit
              --labs              open the labs tab
              --read-only         classroom mode: delete, scale, restart, cordon and apply are refused
              --learn             open the learning panel at start""";

    public static AppOptions parse(List<String> args) {
        String kubeconfig = null;
        String context = null;
        String namespace = null;
        Path snapshot = null;
        boolean probe = false;
        boolean smoke = false;
        boolean exitWhenReady = false;
        boolean readOnly = false;
        boolean learn = false;
        boolean help = false;
        boolean labs = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String flag = inlineValue == null ? arg : arg.substring(0, arg.indexOf('='));
            switch (flag) {
                case "--kubeconfig" -> kubeconfig = inlineValue != null ? inlineValue : valueAfter(args, i++, flag);
                case "--context" -> context = inlineValue != null ? inlineValue : valueAfter(args, i++, flag);
                case "--snapshot" -> snapshot = Path.of(inlineValue != null ? inlineValue : valueAfter(args, i++, flag));
                case "-n", "--namespace" -> namespace = inlineValue != null ? inlineValue : valueAfter(args, i++, flag);
                case "--probe" -> probe = true;
                case "--smoke" -> smoke = true;
                case "--exit-when-ready" -> exitWhenReady = true;
                case "--labs" -> labs = true;
                case "--read-only" -> readOnly = true;
                case "--learn" -> learn = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new AppOptions(kubeconfig, context, namespace, snapshot, probe, smoke, exitWhenReady, help, labs, readOnly, learn);
    }

    private static String valueAfter(List<String> args, int index, String flag) {
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index + 1);
    }
}
