//! Lanes for things drawn on one time axis: each item takes the first lane
//! where it clears everything already there by a gap, so that no two bars,
//! labels or badges in a chart cover each other, at any count of roles.

/// The horizontal room between two badges.
pub const GAP: f64 = 4.0;

/// The lane of each item, given its extent `[x0, x1]` (everything it
/// draws: bar, label and badges), in item order; and the number of lanes.
/// Items of one lane are at least `gap` apart.
pub fn assign(extents: &[(f64, f64)], gap: f64) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| extents[a].0.total_cmp(&extents[b].0).then(a.cmp(&b)));
    // The right end of what each lane holds so far.
    let mut ends: Vec<f64> = Vec::new();
    let mut lane_of = vec![0; extents.len()];
    for i in order {
        let (x0, x1) = extents[i];
        let lane = match ends.iter().position(|&e| e + gap <= x0) {
            Some(l) => l,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[lane] = x1;
        lane_of[i] = lane;
    }
    let lanes = ends.len();
    (lane_of, lanes)
}

/// Badge centres spread apart so that badges of `width` do not touch:
/// each moves right of the one before it when they would.
pub fn spread(mut centres: Vec<f64>, width: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..centres.len()).collect();
    order.sort_by(|&a, &b| centres[a].total_cmp(&centres[b]));
    let mut last: Option<f64> = None;
    for i in order {
        if let Some(prev) = last {
            centres[i] = centres[i].max(prev + width + GAP);
        }
        last = Some(centres[i]);
    }
    centres
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_that_overlap_or_touch_take_separate_lanes() {
        let (lanes, n) = assign(&[(0.0, 10.0), (5.0, 20.0), (12.0, 30.0), (40.0, 50.0)], 1.0);
        assert_eq!(lanes, [0, 1, 0, 0]);
        assert_eq!(n, 2);
        // Closer than the gap: another lane.
        let (lanes, n) = assign(&[(0.0, 10.0), (11.0, 20.0)], 4.0);
        assert_eq!((lanes, n), (vec![0, 1], 2));
        assert_eq!(assign(&[], 1.0), (vec![], 0));
    }

    #[test]
    fn spread_badges_never_touch() {
        let c = spread(vec![50.0, 10.0, 12.0, 100.0], 38.0);
        let mut sorted = c.clone();
        sorted.sort_by(f64::total_cmp);
        for w in sorted.windows(2) {
            assert!(w[1] - w[0] >= 38.0 + GAP, "{c:?}");
        }
        assert_eq!(c[1], 10.0, "the first stays where it was");
    }
}
