# -*- coding: utf-8 -*-
# Copyright: (c) 2026, boomi.platform developers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    # Attributes, one fragment per claim, so each module declares only what is true for it:
    #   write modules: action_group, check_mode, diff_mode
    #   read-only (_info) modules: action_group, check_mode_read_only, diff_mode_none
    DOCUMENTATION = r"""
options: {}
"""

    ACTION_GROUP = r"""
attributes:
  action_group:
    support: full
    membership:
      - boomi.platform.boomi
    description: Use C(group/boomi.platform.boomi) in C(module_defaults) to set the connection options once.
"""

    CHECK_MODE = r"""
attributes:
  check_mode:
    support: full
    description: Predicts the result, including ids that do not exist yet as V(null), without writing to Boomi.
"""

    CHECK_MODE_READ_ONLY = r"""
attributes:
  check_mode:
    support: full
    description: The module only reads from Boomi, so it runs the same in check mode.
"""

    DIFF_MODE = r"""
attributes:
  diff_mode:
    support: full
    description: Returns C(before) and C(after) of what the module manages.
"""

    DIFF_MODE_NONE = r"""
attributes:
  diff_mode:
    support: none
    description: The module changes nothing, so there is no difference to show.
"""
