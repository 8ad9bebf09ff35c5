package org.cfqnn.cli;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cfqnn.cluster.ClusterNode;
import org.cfqnn.cluster.NodeProcess;
import org.cfqnn.emulator.EmulatorRunner;
import org.cfqnn.input.InvalidInputException;
import org.cfqnn.scenario.Scenario;
import org.cfqnn.scenario.ScenarioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfqnn node}: one JVM of a cluster run. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Start one node of a cluster run (Pekko Cluster, Artery TCP). The world node (world, users, "
                + "network, recorder) waits for one cloud node and cluster.edge-nodes edge nodes, runs the scenario "
                + "and writes the same outputs as cfqnn run; the other nodes host the cloud or APs with their edges "
                + "and exit when the world node is done. With cluster.workers > 0 (or --workers) the world node "
                + "instead waits for that many worker nodes (--role worker) and hands out whole sweep points and "
                + "replications, running some itself. tools/cluster-local starts a whole local cluster.",
                "Exit codes: 0 done, 2 bad input, 1 failure (e.g. the cluster did not form, or the world node is gone)."})
public final class NodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ProgressOption progress;

    @Mixin
    KeepPartialOption keep;

    @Mixin
    PlotFormatOption plotFormats;

    @Option(names = "--role", split = ",", required = true, paramLabel = "ROLE",
            description = "world, cloud and/or edge (comma-separated: one JVM may hold several), or worker alone.")
    List<String> roles;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind and advertise (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "P", description = "Artery TCP port (default 25520; 0: any free port).")
    int port = 25520;

    @Option(names = "--seed-nodes", split = ",", paramLabel = "HOST:PORT",
            description = "Nodes to join, the world node first (default: this node, which then starts a new cluster).")
    List<String> seedNodes = new ArrayList<>();

    @Option(names = "--edge-nodes", paramLabel = "E", description = "Edge nodes the world node waits for (overrides "
            + "cluster.edge-nodes).")
    Integer edgeNodes;

    @Option(names = "--workers", paramLabel = "W", description = "Worker nodes the world node waits for and shares "
            + "the sweep points and replications with (overrides cluster.workers; 0: place entities on cloud and edge "
            + "nodes instead).")
    Integer workers;

    @Option(names = "--out", paramLabel = "DIR", description = "World node: directory for the results (default: "
            + "results/<scenario name>).")
    Path out;

    @Override
    public Integer call() {
        Set<String> roleSet = new LinkedHashSet<>(roles);
        for (String r : roleSet) {
            if (!ClusterNode.ROLES.contains(r)) {
                throw new InvalidInputException("--role", r, "must be world, cloud, edge or worker (comma-separated)");
            }
        }
        if (roleSet.contains(ClusterNode.WORKER) && roleSet.size() > 1) {
            throw new InvalidInputException("--role", String.join(",", roles), "worker runs whole units on its own: "
                    + "give it alone");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port", port, "must be a port in [0, 65535]");
        }
        for (String s : seedNodes) {
            if (!s.matches("[^:\\s]+:\\d{1,5}")) {
                throw new InvalidInputException("--seed-nodes", s, "must be host:port, e.g. 127.0.0.1:25520");
            }
        }
        boolean world = roleSet.contains(ClusterNode.WORLD);
        if (out != null && !world) {
            throw new InvalidInputException("--out", out, "only the world node writes results (--role world)");
        }
        List<String> sets = scenario.allSets();
        if (edgeNodes != null) {
            sets.add("cluster.edge-nodes=" + edgeNodes);
        }
        if (workers != null) {
            sets.add("cluster.workers=" + workers);
        }
        Config config = Scenario.load(scenario.scenario, sets);
        ScenarioSettings base = ScenarioSettings.of(config);
        List<EmulatorRunner.Point> points = world ? RunCommand.points(config, base) : List.of();
        Path dir = out != null ? out : RunCommand.defaultDir(scenario.scenario);
        List<String> seeds = seedNodes.isEmpty() ? List.of(host + ":" + port) : seedNodes;
        Duration formTimeout = Duration.ofNanos(base.cluster().formTimeout());

        var err = spec.commandLine().getErr();
        int pool = world ? base.cluster().workers() : 0;
        if (pool > 0) {
            roleSet.add(ClusterNode.WORKER); // the world node runs units too
        }
        NodeProcess node = NodeProcess.start(roleSet, host, port, seeds, formTimeout, NodeCommand::die);
        if (!world) {
            node.serve();
            return 0;
        }
        try (node) {
            List<String> nodes = pool > 0 ? node.discoverWorkers(pool, formTimeout)
                    : node.discover(base.cluster().edgeNodes(), formTimeout, base.radio().nAp());
            err.println("cfqnn node: cluster formed: " + String.join("; ", nodes));
            err.flush();
            var bar = org.cfqnn.report.Progress.factory(progress.mode());
            EmulatorRunner.Report report = RunCommand.write(dir, "cfqnn node", keep.keepPartial, plotFormats.formats(),
                    scenario.scenario, base, points, outputs -> pool > 0 ? node.runOnWorkers(points, outputs, bar)
                            : node.run(points, outputs, bar));
            RunCommand.print(report, dir, spec.commandLine().getOut());
            return 0;
        }
    }

    /** A cluster fault: this JVM dies at once, as a killed process would (no leaving, no goodbye). */
    private static void die() {
        try {
            Thread.sleep(300); // lets the notice of dying reach the world node
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("cfqnn node: killed by cluster.faults");
        System.err.flush();
        Runtime.getRuntime().halt(137);
    }
}
