package org.cfqnn.qnn.cloud;

/**
 * The AP-user links a per-link model runs on, in AP-major order (AP m's links before AP m+1's, users
 * ascending within an AP), with how many links each AP and each user has: what row and column pooling
 * average over.
 */
public final class LinkSet {

    private final int nAp;
    private final int nUser;
    private final int[] ap;
    private final int[] user;
    private final int[] perAp;
    private final int[] perUser;

    private LinkSet(int nAp, int nUser, int[] ap, int[] user) {
        this.nAp = nAp;
        this.nUser = nUser;
        this.ap = ap;
        this.user = user;
        this.perAp = new int[nAp];
        this.perUser = new int[nUser];
        for (int i = 0; i < ap.length; i++) {
            perAp[ap[i]]++;
            perUser[user[i]]++;
        }
    }

    /** Every one of the M x K links. */
    public static LinkSet full(int nAp, int nUser) {
        boolean[] all = new boolean[nAp * nUser];
        java.util.Arrays.fill(all, true);
        return of(nAp, nUser, all);
    }

    /** The links (m, k) with {@code mask[m * K + k]}. */
    public static LinkSet of(int nAp, int nUser, boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] ap = new int[n];
        int[] user = new int[n];
        int i = 0;
        for (int m = 0; m < nAp; m++) {
            for (int k = 0; k < nUser; k++) {
                if (mask[m * nUser + k]) {
                    ap[i] = m;
                    user[i] = k;
                    i++;
                }
            }
        }
        return new LinkSet(nAp, nUser, ap, user);
    }

    public int nAp() {
        return nAp;
    }

    public int nUser() {
        return nUser;
    }

    public int size() {
        return ap.length;
    }

    public int ap(int link) {
        return ap[link];
    }

    public int user(int link) {
        return user[link];
    }

    /** Links of AP m (at least 1 where pooling divides by it; 0 only for an AP without links). */
    public int perAp(int m) {
        return perAp[m];
    }

    public int perUser(int k) {
        return perUser[k];
    }

    /**
     * Pooling over the graph: {@code z[i] = (own[i], mean of own over the links of AP(i), mean of own over
     * the links of user(i))}, so a link's model sees its competition at both ends.
     */
    public double[][] pool(double[][] own) {
        int n = size();
        int w = n == 0 ? 0 : own[0].length;
        double[][] row = new double[nAp][w];
        double[][] col = new double[nUser][w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                row[ap[i]][j] += own[i][j] / perAp[ap[i]];
                col[user[i]][j] += own[i][j] / perUser[user[i]];
            }
        }
        double[][] z = new double[n][3 * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(own[i], 0, z[i], 0, w);
            System.arraycopy(row[ap[i]], 0, z[i], w, w);
            System.arraycopy(col[user[i]], 0, z[i], 2 * w, w);
        }
        return z;
    }
}
