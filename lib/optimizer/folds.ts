// fsrs-rs's time-series splits (its TimeSeriesSplit): the items in time order cut into six
// segments of n/6 (the last takes the rest); fold k is fitted on segments 0..k and tested on
// segment k+1, so every item from the second segment on is predicted by weights fitted only
// on earlier items. Apart from lib/optimizer/items.ts so that /progress' verdict, in the
// browser, does not bring ts-fsrs.
export const TIME_SERIES_FOLDS = 5;
export const heldOutStart = (items: number) => Math.floor(items / (TIME_SERIES_FOLDS + 1));
