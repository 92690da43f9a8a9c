/** Every recorder of catalog.ts, by the server it runs on; the types make sure none is missing. */
import type { HISTORY_PATHS } from './catalog';
import { dispatchDevRecorders, dispatchTimeSkippingRecorders } from './dispatch.recorders';
import { partnerDevRecorders, partnerTimeSkippingRecorders } from './partners.recorders';
import type { Recorder, TimeSkippingRecorder } from './recording';
import { supervisionDevRecorders } from './supervision.recorders';
import { peopleDevRecorders, peopleTimeSkippingRecorders } from './people.recorders';
import { mandateTimeSkippingRecorders } from './mandates.recorders';
import { moneyTimeSkippingRecorders } from './money.recorders';
import { outboundDevRecorders, outboundTimeSkippingRecorders } from './outbound.recorders';

type NamesOn<S extends string> = Extract<(typeof HISTORY_PATHS)[number], { server: S }>['name'];

export const devRecorders: Record<NamesOn<'dev'>, Recorder> = {
  ...dispatchDevRecorders,
  ...partnerDevRecorders,
  ...supervisionDevRecorders,
  ...peopleDevRecorders,
  ...outboundDevRecorders,
};

export const timeSkippingRecorders: Record<NamesOn<'timeskipping'>, TimeSkippingRecorder> = {
  ...dispatchTimeSkippingRecorders,
  ...partnerTimeSkippingRecorders,
  ...peopleTimeSkippingRecorders,
  ...mandateTimeSkippingRecorders,
  ...moneyTimeSkippingRecorders,
  ...outboundTimeSkippingRecorders,
};
