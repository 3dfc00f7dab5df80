/* scd-ctl-main.c: placeholder */
#include "config.h"
#include <string.h>
#include "scd-ctl-clock.h"
int main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "timeline") == 0) return scd_ctl_timeline_main (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "holidays") == 0) return scd_ctl_holidays_main (argc - 1, argv + 1);
  return 2;
}
